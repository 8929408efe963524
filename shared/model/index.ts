export * from './error-info';
export * from './connection';
export * from './trace';
export * from './remote';
export * from './protocol-era';
export * from './trace-size';
export * from './settings';
export * from './command-review';
