/**
 * One kind of job, handled in the worker: its queue's processor hands it the payloads of the
 * jobs named `jobName`. A job's folder, in the lib that owns it, holds its payload type, how
 * it is queued and this handler.
 */
export interface JobHandler<Payload> {
  readonly jobName: string;
  handle(payload: Payload): Promise<void>;
}
