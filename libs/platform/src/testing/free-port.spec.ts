import { describe, expect, it } from 'vitest';
import { freePort, PortPicker } from './free-port';

describe('PortPicker', () => {
  it('never gives a port twice, even when the kernel offers it again', async () => {
    const offers = [5001, 5001, 5002, 5001, 5003];
    const picker = new PortPicker(async () => offers.shift()!);
    expect([await picker.next(), await picker.next(), await picker.next()]).toEqual([5001, 5002, 5003]);
  });

  it('gives up with an error when the kernel keeps offering ports it gave', async () => {
    const picker = new PortPicker(async () => 5001);
    await picker.next();
    await expect(picker.next()).rejects.toThrow(/no port not given out before/);
  });
});

describe('freePort', () => {
  it('gives ports nothing listens on, all different', async () => {
    const ports = [];
    for (let index = 0; index < 50; index++) ports.push(await freePort());
    expect(new Set(ports).size).toBe(50);
    expect(ports.every((port) => port > 0 && port < 65_536)).toBe(true);
  });
});
