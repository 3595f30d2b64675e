export * from './identity.ts';
export * from './portal.ts';
export * from './messaging.ts';
export * from './reporting.ts';
