import { describe, expect, it } from 'vitest';
import { COUNCIL, DIRECTORS, OFSTED_CHIEF, OFSTED_REPORT, stanceOf } from './helpers.ts';

describe('classifyStance: doubt as soft opposition', () => {
  it.each([
    ['It is not clear how the new framework will work for councils with high staff turnover', DIRECTORS],
    ['We are not convinced that a shorter inspection can capture what matters', COUNCIL],
    ['There is a real risk of unintended consequences for the councils that struggle to recruit', COUNCIL],
    ['We would urge caution before the new inspections begin', DIRECTORS],
  ])('opposes: %s', (quote, speaker) => {
    expect(stanceOf(quote, speaker).stance).toBe('opposes');
  });

  it('does not count praise that the doubt governs', () => {
    const r = stanceOf('It is not clear how inspectors will be able to judge this fairly in two days', DIRECTORS);
    expect(r.stance).toBe('opposes');
    expect(r.cues.some((c) => c.role === 'supports')).toBe(false);
  });

  it('says nothing from the inspectorate', () => {
    expect(stanceOf('It is not clear whether the council has the capacity to improve', OFSTED_REPORT).stance).not.toBe('opposes');
  });
});

describe("classifyStance: the inspectorate's praise of the services it inspected", () => {
  it.each([
    ['Leaders know their children well and have built a culture in which social workers are trusted', OFSTED_REPORT],
    ['Strong leadership has given the council a stable and skilled workforce', OFSTED_CHIEF],
  ])('supports: %s', (quote, speaker) => {
    expect(stanceOf(quote, speaker).stance).toBe('supports');
  });

  it('is not a position from the council itself', () => {
    expect(stanceOf('Leaders know their children well', COUNCIL).stance).not.toBe('supports');
  });

  it('is not praise of the services when it is about families', () => {
    expect(stanceOf('Parents told us they feel safe and well supported by their neighbours', OFSTED_REPORT).stance).not.toBe('supports');
  });
});

describe("classifyStance: the inspectorate's sympathy with the workforce", () => {
  it('is not a verdict when "too many" is about caseloads', () => {
    expect(stanceOf('Social workers do a hard job, and too many of them carry caseloads that no one could manage', OFSTED_CHIEF).stance).not.toBe('supports');
  });

  it('is still a verdict when it is about leaders', () => {
    expect(stanceOf('Too many leaders do not know what their social workers are doing', OFSTED_CHIEF).stance).toBe('supports');
  });
});

describe('classifyStance: not recognising the picture someone painted', () => {
  it('defends the regime from the inspectorate', () => {
    expect(stanceOf('We do not recognise the picture painted by this survey of our inspections', OFSTED_REPORT).stance).toBe('supports');
  });

  it("rejects Ofsted's account from the sector", () => {
    expect(stanceOf('We do not recognise the picture painted by this inspection report', COUNCIL).stance).toBe('opposes');
  });
});
