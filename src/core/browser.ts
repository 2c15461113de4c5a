/**
 * The browser entry of the core, for the Custom UIs: the same API as src/core/index.ts minus what
 * needs holiday rule data (date-holidays is large). Calendars compiled here must carry their
 * holidays as custom dates (materializeHolidays on the server); "explain" stays on the server.
 */
export * from './calendar/browser';
export * from './policy/browser';
export * from './evaluate';
export * from './compliance';
export * from './report';
export * from './result';
export * from './time';
export * from './json';
export type * from './explain/types';
