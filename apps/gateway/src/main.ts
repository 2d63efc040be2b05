import 'reflect-metadata';
import { runMain } from '@bonfire/platform';
import { startGateway } from './bootstrap';

runMain('gateway', { start: () => startGateway() });
