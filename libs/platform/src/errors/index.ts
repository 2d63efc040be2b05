// Decorator-free, so plain Node (tsx children of tests, libs without Nest) can import it: @bonfire/platform/errors.
export * from './dependency-unavailable';
