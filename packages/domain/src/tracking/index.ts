export * from './engine.ts';
export * from './matters.ts';
