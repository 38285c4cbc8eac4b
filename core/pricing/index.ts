export * from './catalog';
export * from './estimate';
export * from './estimators';
export * from './money';
export * from './types';
export * from './compare';
export * from './sweeps';
