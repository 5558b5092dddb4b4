// Where things live in storage.local (one place, shared by every reader).
export const KEYS = { version: 'schemaVersion', settings: 'settings', custom: 'customProviders', error: 'storageError', managed: 'managedPolicy', matchables: 'customMatchables' } as const;
