import { summarizeTrend } from './trend.js';

describe('summarizeTrend', () => {
  it('has nothing to say without scores', () => {
    expect(summarizeTrend([])).toBeNull();
  });

  it('calls a drop of exactly half from baseline a response, and less than half not', () => {
    expect(summarizeTrend([18, 12, 9])).toMatchObject({
      baseline: 18,
      latest: 9,
      change: -0.5,
      response: true,
      remission: false,
    });
    expect(summarizeTrend([18, 10])).toMatchObject({ response: false });
  });

  it('never calls a single score a response, even a low one', () => {
    expect(summarizeTrend([3])).toMatchObject({ response: false, remission: true });
  });

  it('puts remission below 5 on both measures, judged on the latest score only', () => {
    expect(summarizeTrend([12, 4])).toMatchObject({ remission: true, response: true });
    expect(summarizeTrend([12, 5])).toMatchObject({ remission: false });
    expect(summarizeTrend([10, 4, 6])).toMatchObject({
      remission: false,
      response: false,
    });
    expect(summarizeTrend([10, 6, 4])).toMatchObject({ remission: true, response: true });
  });

  it('measures no change from a baseline of 0, and a rise is no response', () => {
    expect(summarizeTrend([0, 3])).toMatchObject({ change: null, response: false });
    expect(summarizeTrend([6, 9])).toMatchObject({ change: 0.5, response: false });
  });
});
