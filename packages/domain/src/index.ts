export * from './enums.ts';
export * from './errors.ts';
export * from './labels.ts';
export * from './roles.ts';
export * from './schemas.ts';
export * from './search.ts';
export * from './tracking/index.ts';
