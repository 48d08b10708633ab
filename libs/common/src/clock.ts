import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The time, injected: services and jobs ask the clock instead of `new Date()`, so a test can set
 * it and watch days pass without waiting for them.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Milliseconds since the epoch, as `Date.now()`. */
  millis(): number {
    return this.now().getTime();
  }
}

/** A clock a test moves by hand (only in tests: it never moves on its own). */
export class ManualClock extends Clock {
  constructor(private current = new Date()) {
    super();
  }

  override now(): Date {
    return new Date(this.current);
  }

  set(to: Date): void {
    this.current = new Date(to);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** Provides the Clock everywhere; a test overrides it with `.overrideProvider(Clock)`. */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
