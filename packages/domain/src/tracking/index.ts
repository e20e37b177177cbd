export * from './engine.ts';
export * from './key-proposals.ts';
export * from './matters.ts';
export * from './opinion-reports.ts';
export * from './proposals.ts';
