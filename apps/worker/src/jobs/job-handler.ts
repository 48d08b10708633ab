/** One kind of job: a processor hands it the payloads of jobs with its name. */
export interface JobHandler<Payload> {
  readonly jobName: string;
  handle(payload: Payload): Promise<void>;
}
