import 'reflect-metadata';
import { runMain } from '@bonfire/platform';
import { startChat } from './bootstrap';

runMain('chat', () => startChat());
