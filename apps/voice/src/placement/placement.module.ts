import { Module } from '@nestjs/common';
import { RoomsModule } from '../rooms/rooms.module';
import { NodeRegistry } from './node-registry';

@Module({ imports: [RoomsModule], providers: [NodeRegistry], exports: [NodeRegistry] })
export class PlacementModule {}
