export * from './failure';
export * from './invocation';
export * from './settings';
