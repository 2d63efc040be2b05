import 'reflect-metadata';
import { runMain } from '@bonfire/platform';
import { startAuth } from './bootstrap';

runMain('auth', () => startAuth());
