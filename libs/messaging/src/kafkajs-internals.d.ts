/** kafkajs's per-connection request queue (a class in its source tree; kafkajs ships no types for it). */
declare module 'kafkajs/src/network/requestQueue' {
  const RequestQueue: { prototype: object; new (options: Record<string, unknown>): object };
  export default RequestQueue;
}
