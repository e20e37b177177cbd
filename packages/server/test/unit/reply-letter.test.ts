import { describe, expect, it } from 'vitest';
import { renderOfficialDocument } from '../../src/documents/gbt9704.ts';
import {
  composeReplyLetter,
  mayReadReplyLetter,
  type ReplyLetterFacts,
  sessionName,
} from '../../src/documents/reply-letter.ts';
import { chineseNumber } from '../../src/documents/wording.ts';
import { keep, openDocx, W } from '../helpers/docx.ts';

/** A city CPPCC's proposal answered by a government department: the sample of docs/img. */
const facts = (over: Partial<ReplyLetterFacts> = {}): ReplyLetterFacts => ({
  body: {
    name: '中国人民政治协商会议江门市委员会',
    shortName: '江门市政协',
    kind: 'cppcc_committee',
    level: 'city',
    regionName: '江门市',
  },
  item: {
    kind: 'proposal',
    title: '关于加快科技成果转化中试平台建设的提案',
    sessionTerm: 14,
    sessionMeeting: 3,
    seqNo: 123,
  },
  to: { kind: 'person', name: '陈立新' },
  unit: { name: '江门市科学技术局', kind: 'department', phone: '0750-3272000', signer: null },
  reply: {
    category: 'A',
    text: [
      '一、加快中试平台布局。我局会同市发展改革局制定了《江门市中试平台建设三年行动方案》，2025年已认定市级中试平台6家，覆盖先进材料、生物医药等重点产业。',
      '二、强化资金保障。市财政设立科技成果转化专项资金，对新认定的中试平台给予最高200万元补助，今年已下达资金1100万元。',
      '三、完善服务机制。依托五邑大学等高校建立概念验证中心，打通“实验室—中试—量产”链条，推动高校成果在本地转化。',
      '感谢您对我市科技工作的关心和支持。',
    ].join('\n'),
    at: new Date('2025-06-18T02:00:00Z'),
    by: '李明',
  },
  coUnits: ['江门市财政局'],
  copyTo: null,
  ...over,
});

describe('reply letters (答复函)', () => {
  it('names the session a proposal or suggestion was numbered in, as each body writes it', () => {
    expect(chineseNumber(14)).toBe('十四');
    expect(chineseNumber(20)).toBe('二十');
    expect(chineseNumber(3)).toBe('三');
    const f = facts();
    expect(sessionName(f)).toBe('政协江门市第十四届委员会第三次会议');
    expect(sessionName({ ...f, body: { ...f.body, level: 'national' } })).toBe(
      '政协第十四届全国委员会第三次会议',
    );
    const sug = { ...f.item, kind: 'suggestion' as const, sessionTerm: 17 };
    expect(sessionName({ ...f, item: sug })).toBe('江门市第十七届人大第三次会议');
    expect(sessionName({ body: { ...f.body, level: 'national' }, item: sug })).toBe(
      '第十七届全国人大第三次会议',
    );
    expect(sessionName({ ...f, item: { ...f.item, sessionMeeting: null } })).toBeNull();
  });

  it('composes title, salutation, opening, signature, contact and copies from the facts', () => {
    const doc = composeReplyLetter(facts());
    expect(doc).toMatchObject({
      format: 'letter',
      mark: '江门市科学技术局',
      headLeft: ['答复类别：A'],
      title: '关于政协江门市第十四届委员会第三次会议第0123号提案的答复',
      titleLines: ['关于政协江门市第十四届委员会第三次会议', '第0123号提案的答复'],
      addressee: '尊敬的陈立新委员：',
      signature: '江门市科学技术局',
      date: '2025年6月18日',
      note: '联系人：李明，联系电话：0750-3272000',
      copyTo: ['江门市政协提案委员会', '江门市人民政府督查室', '江门市财政局'],
    });
    expect(doc.body[0]).toEqual({
      kind: 'p',
      text: '您提出的《关于加快科技成果转化中试平台建设的提案》收悉，现答复如下：',
    });
    expect(doc.body).toHaveLength(5);

    // An organisation is addressed by its name; a suggestion without a number by its title.
    const org = composeReplyLetter(
      facts({
        item: { ...facts().item, kind: 'suggestion', seqNo: null },
        to: { kind: 'organisation', name: '第一代表团' },
        unit: { name: '江门市中级人民法院', kind: 'office', phone: null, signer: null },
        reply: { ...facts().reply, by: null },
        coUnits: [],
        body: { ...facts().body, shortName: '江门市人大常委会', kind: 'npc_standing_committee' },
      }),
    );
    expect(org.title).toBe('对《关于加快科技成果转化中试平台建设的提案》的答复');
    expect(org.titleLines).toBeUndefined();
    expect(org.addressee).toBe('第一代表团：');
    expect(org.body[0]!.text).toMatch(/^贵单位提出的/);
    expect(org.note).toBeUndefined();
    expect(org.copyTo).toEqual(['江门市人大常委会代表工作委员会']);

    // Joint deputies; a town presidium copies itself; a body's own list replaces the standard one.
    const town = facts({
      item: { ...facts().item, kind: 'suggestion' },
      to: { kind: 'joint', name: '吴明' },
      body: {
        ...facts().body,
        name: '台山市广海镇人民代表大会主席团',
        shortName: null,
        kind: 'town_npc_presidium',
      },
      unit: { ...facts().unit, kind: 'office' },
      coUnits: [],
    });
    expect(composeReplyLetter(town)).toMatchObject({
      addressee: '吴明等代表：',
      copyTo: ['台山市广海镇人民代表大会主席团'],
    });
    expect(composeReplyLetter({ ...town, copyTo: ['镇人大办'] }).copyTo).toEqual(['镇人大办']);
  });

  it('lays the category out at the top left and 签发人 at the right, on the number’s line', async () => {
    const buf = await renderOfficialDocument(
      composeReplyLetter(facts({ unit: { ...facts().unit, signer: '张伟' } })),
    );
    keep('reply-letter-sample.docx', buf);
    const d = await openDocx(buf);
    const head = d.paragraphs(d.doc)[0]!;
    expect(head.text).toBe('答复类别：A签发人：张伟');
    expect(head.el.getElementsByTagNameNS(W, 'tab')).toHaveLength(2); // the right tab stop and the tab before 签发人
    const fonts = Array.from(head.el.getElementsByTagNameNS(W, 'r')).map((r) => [
      r.textContent,
      d.attr(d.first(r, 'rFonts'), 'eastAsia'),
    ]);
    // The title breaks after the session (a line break inside the one paragraph).
    const title = d.paragraphs(d.doc).find((p) => p.text.startsWith('关于'))!;
    expect(title.text).toBe('关于政协江门市第十四届委员会第三次会议第0123号提案的答复');
    const runs = Array.from(title.el.getElementsByTagNameNS(W, 'r'));
    expect(runs.map((r) => [r.textContent, r.getElementsByTagNameNS(W, 'br').length])).toEqual([
      ['关于政协江门市第十四届委员会第三次会议', 0],
      ['第0123号提案的答复', 1],
    ]);
    expect(fonts).toEqual([
      ['答复类别：A', '仿宋_GB2312'],
      ['', null],
      ['签发人：', '仿宋_GB2312'],
      ['张伟', '楷体_GB2312'],
    ]);
  });

  it('lets the office, leaders and those the letter answers read it, and a unit only its own', () => {
    const liaison = { roles: ['liaison'], unitId: 'u1' };
    expect(mayReadReplyLetter(['lead_unit'], liaison, 'u1')).toBe(true);
    expect(mayReadReplyLetter(['co_unit'], liaison, 'u2')).toBe(false);
    for (const p of ['office', 'leader', 'supervisor', 'proposer', 'cosigner'] as const)
      expect(mayReadReplyLetter([p], { roles: [], unitId: null }, 'u2')).toBe(true);
    expect(mayReadReplyLetter([], { roles: ['deputy'], unitId: null }, 'u2')).toBe(false);
  });
});
