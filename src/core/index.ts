/**
 * The public API of the pure SLA engine: calendars, policies, evaluation, compliance.
 * Nothing here touches the platform, the clock or the network.
 */
export * from './calendar';
export * from './policy';
export * from './evaluate';
export * from './result';
export * from './explain';
export * from './report';
