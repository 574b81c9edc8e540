import { NewestVersionMemo } from '../../src/procedures/newest-version-memo.js';

describe(NewestVersionMemo.name, () => {
  let clock: number;
  let asked: number;
  let stored: number | undefined;
  let sut: NewestVersionMemo;
  const find = () => {
    asked++;
    return Promise.resolve(stored);
  };

  beforeEach(() => {
    clock = 0;
    asked = 0;
    stored = 3;
    sut = new NewestVersionMemo(2_000, () => clock);
  });

  it('answers from memory while the answer is fresh', async () => {
    await sut.get('A1', find);
    clock = 1_999;
    expect(await sut.get('A1', find)).toBe(3);
    expect(asked).toBe(1);
  });

  it('asks again once the answer is two seconds old, and shows a version registered elsewhere', async () => {
    await sut.get('A1', find);
    stored = 4;
    clock = 2_000;
    expect(await sut.get('A1', find)).toBe(4);
    expect(asked).toBe(2);
  });

  it('asks again at once after a version of the procedure is registered here', async () => {
    await sut.get('A1', find);
    stored = 4;
    sut.forget('A1');
    expect(await sut.get('A1', find)).toBe(4);
  });

  it('keeps each procedure apart', async () => {
    await sut.get('A1', find);
    sut.forget('B1');
    await sut.get('A1', find);
    await sut.get('B1', find);
    expect(asked).toBe(2);
  });

  it('does not remember that a procedure is unknown', async () => {
    stored = undefined;
    expect(await sut.get('X9', find)).toBeUndefined();
    stored = 1;
    expect(await sut.get('X9', find)).toBe(1);
  });
});
