import { Global, Module } from '@nestjs/common';
import { UsersProjectionConsumer } from './users-projection.consumer';
import { UsersRepository } from './users.repository';

@Global()
@Module({ providers: [UsersRepository, UsersProjectionConsumer], exports: [UsersRepository] })
export class UsersModule {}
