export * from './failure';
export * from './invocation';
export * from './settings';
export * from './retryPaths';
export * from './retryPolicy';
export * from './cidr';
export * from './reachability';
export * from './securityGroups';
