export * from './bench';
export * from './histogram';
export * from './load';
export * from './process-stats';
export * from './report';
export * from './client-worker';
export * from './limits';
