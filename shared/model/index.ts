export * from './error-info';
export * from './connection';
export * from './trace';
