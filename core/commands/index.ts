export * from './commands';
export * from './history';
export * from './ids';
export * from './invocation';
export * from './layout';
export * from './connectPlan';
