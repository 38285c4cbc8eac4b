export * from './commands';
export * from './history';
export * from './ids';
export * from './edgeLabel';
export * from './layout';
export * from './connectPlan';
export * from './usage';
export * from './alternatives';
