// `@bonfire/platform/testing`: helpers for tests only (a throwaway database, a client that calls a service
// as the gateway does, ports for processes a test starts). Never imported by production code.
export * from './free-port';
export * from './test-kit';
export * from './local-push-service';
