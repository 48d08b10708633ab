import { clientNetwork } from './login-throttle.service.js';

describe('clientNetwork', () => {
  it('recognises an IPv6 client by its /64 network, as its privacy addresses change', () => {
    expect(clientNetwork('2001:db8:1:2:aaaa::1')).toBe(clientNetwork('2001:db8:1:2:bbbb:cccc::9'));
    expect(clientNetwork('2001:db8:1:2::1')).not.toBe(clientNetwork('2001:db8:1:3::1'));
  });

  it('takes an IPv4 address as itself, mapped into IPv6 or not', () => {
    expect(clientNetwork('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(clientNetwork('192.0.2.7')).not.toBe(clientNetwork('192.0.2.8'));
  });
});
