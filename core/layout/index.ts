export * from './autoLayout';
export { SPACING } from './arrange';
