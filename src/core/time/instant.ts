/** An instant: epoch milliseconds, UTC. Every instant in the core (and in the contract) is one. */
export type Instant = number;
