import type { Activity, ActivityRecord, Matter } from '@yiting/domain';
import { describe, expect, it } from 'vitest';
import { choose, typeDate } from './forms.ts';
import { apiCall, canRun, signIn, useBrowser } from './session.ts';

describe.skipIf(!canRun)('recording the supervision chain', () => {
  // An end before the start (400) and a stale edit (409) are refused on purpose; the page explains both.
  const b = useBrowser({ expectedConsole: /status of (400|409)/ });

  it('staff create a research activity, record a report with a problem, turn it into a matter and edit it', async () => {
    const { page } = b;
    const tag = Date.now().toString(36);
    const title = `概念验证与中试平台专题调研${tag}`;
    const problem = `中试平台共享不足${tag}`;
    await signIn(page, 'staff');

    // The activity: nothing filled is refused with the shared schema's messages, before anything is sent.
    await page.goto('/activities');
    await page.getByTestId('activity-create').click();
    const drawer = page.locator('.ant-drawer-open');
    await page.getByTestId('activity-save').click();
    await expect.poll(() => drawer.getByText('必填').count()).toBe(2);
    await drawer.getByLabel('名称').fill(title);
    // A research trip unless another type is chosen.
    expect(
      await drawer
        .locator('.ant-select')
        .filter({ has: page.locator('#type') })
        .textContent(),
    ).toContain('专题调研');
    await typeDate(page, drawer.getByLabel('开始时间'), '2026-03-02 09:00');
    await typeDate(page, drawer.getByLabel('结束时间'), '2026-03-03 17:00');
    await drawer.getByLabel('地点').fill('江门高新区');
    await choose(
      page,
      drawer.locator('.ant-select').filter({ has: page.locator('#leaderPersonId') }),
      '谭振邦',
    );
    // Participants: a member of staff, and the department that will answer.
    await drawer.getByRole('button', { name: '添加参加人员或单位' }).click();
    await drawer.getByRole('button', { name: '添加参加人员或单位' }).click();
    const rows = drawer.getByTestId('participant-row');
    await choose(page, rows.nth(0).locator('.ant-select').nth(1), '林晓彤');
    await rows.nth(1).getByLabel('身份').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="部门应询"]').click();
    // A department row without its department is refused on the row.
    await page.getByTestId('activity-save').click();
    await rows.nth(1).getByText('请选择人员或单位').waitFor();
    await choose(page, rows.nth(1).locator('.ant-select').nth(1), '市科技局');
    await page.getByTestId('activity-save').click();
    await page.waitForURL(/\/activities\/[0-9a-f-]{36}$/);
    const activityId = new URL(page.url()).pathname.split('/').pop()!;

    let activity = await apiCall<Activity>(page, 'GET', `/activities/${activityId}`);
    const nine = await page.evaluate(() => new Date(2026, 2, 2, 9, 0).toISOString());
    expect(activity).toMatchObject({
      type: 'research',
      title,
      startsAt: nine,
      place: '江门高新区',
      leaderName: '谭振邦',
      status: 'planned',
      version: 1,
    });
    expect(activity.participants.map((p) => [p.role, p.personName ?? p.unitName])).toEqual([
      ['member', '林晓彤'],
      ['department_responder', '江门市科学技术局'],
    ]);

    // Edit: an end before the start is the server's finding (it compares with the stored start); said on the
    // field, in Chinese, and nothing changes.
    await page.getByTestId('activity-edit').click();
    await typeDate(page, drawer.getByLabel('结束时间'), '2026-03-01 17:00');
    await page.getByTestId('activity-save').click();
    await drawer.getByText('结束日期早于开始日期').waitFor();
    expect((await apiCall<Activity>(page, 'GET', `/activities/${activityId}`)).version).toBe(1);
    await typeDate(page, drawer.getByLabel('结束时间'), '2026-03-03 17:00');
    await drawer.getByLabel('状态').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="已举行"]').click();
    await page.getByTestId('activity-save').click();
    await drawer.waitFor({ state: 'detached' });
    activity = await apiCall<Activity>(page, 'GET', `/activities/${activityId}`);
    expect(activity).toMatchObject({ status: 'held', version: 2 });
    expect(activity.participants).toHaveLength(2);

    // A report, then a problem found under it (Ctrl+Enter saves).
    await page.getByTestId('record-add').click();
    await page.locator('.ant-dropdown:visible').getByText('调研报告', { exact: true }).click();
    await drawer.getByLabel('报告标题').fill('关于概念验证与中试平台建设的调研报告');
    await drawer
      .getByLabel('报告正文')
      .fill('调研组走访高新区和产业技术研究院，认为中试平台共享机制尚未形成。');
    await page.getByTestId('record-save').click();
    await page.getByTestId('report').waitFor();
    await page.getByTestId('finding-add').click();
    await drawer.getByLabel('问题或成效概括').fill(problem);
    await page.getByTestId('record-save').click();
    await drawer.getByText('必填').waitFor();
    await drawer
      .getByLabel('具体情况')
      .fill('现有中试线分散在少数企业内部，中小企业难以共享使用，成果转化周期长。');
    await page.keyboard.press('Control+Enter');
    const finding = page.getByTestId('finding').filter({ hasText: problem });
    await finding.waitFor();

    const records = await apiCall<{ items: ActivityRecord[] }>(
      page,
      'GET',
      `/activities/${activityId}/records`,
    );
    const report = records.items.find((r) => r.kind === 'report')!;
    const found = records.items.find((r) => r.kind === 'finding')!;
    expect(found).toMatchObject({ parentId: report.id, nature: 'problem', title: problem, matterIds: [] });

    // The problem becomes a matter, prefilled from the finding.
    await finding.getByRole('button', { name: '转为交办事项' }).click();
    expect(await drawer.getByLabel('事项标题').inputValue()).toBe(problem);
    await page.getByTestId('matter-save').click();
    await page.waitForURL(/\/matters\/[0-9a-f-]{36}$/);
    const matterId = new URL(page.url()).pathname.split('/').pop()!;
    await page.locator('.ant-tag[data-state=draft]').waitFor();

    // Edit the matter: too short a title is refused on the field; then the new wording is saved.
    await page.getByTestId('matter-edit').click();
    await drawer.getByLabel('事项标题').fill('中');
    await page.getByTestId('matter-save').click();
    await drawer.getByText('内容过短').waitFor();
    await drawer.getByLabel('事项标题').fill(`中试平台共享机制不健全${tag}`);
    await drawer.getByLabel('整改要求').fill('按月报送整改进展，办结后报送整改报告和佐证材料。');
    await page.getByTestId('matter-save').click();
    await drawer.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: `中试平台共享机制不健全${tag}` }).waitFor();
    let matter = await apiCall<Matter>(page, 'GET', `/matters/${matterId}`);
    expect(matter).toMatchObject({
      title: `中试平台共享机制不健全${tag}`,
      requirements: '按月报送整改进展，办结后报送整改报告和佐证材料。',
      source: 'research_finding',
      sourceActivityId: activityId,
      sourceRecordId: found.id,
      state: 'draft',
      version: 2,
    });

    // Someone else saves meanwhile: the stale save is refused (409), says so, and offers the latest.
    await page.getByTestId('matter-edit').click();
    await drawer.getByLabel('联系人').fill('秘书科 林晓彤');
    await apiCall(page, 'PATCH', `/matters/${matterId}`, { contact: '秘书科 梁志诚' }, matter.version);
    await page.getByTestId('matter-save').click();
    await drawer.getByText('记录已被他人修改').waitFor();
    await page.getByTestId('form-reload').click();
    await expect.poll(() => drawer.getByLabel('联系人').inputValue()).toBe('秘书科 梁志诚');
    matter = await apiCall<Matter>(page, 'GET', `/matters/${matterId}`);
    expect(matter).toMatchObject({ contact: '秘书科 梁志诚', version: 3 });

    // The activity page links the problem to its matter.
    await page.goto(`/activities/${activityId}`);
    await finding.getByRole('link', { name: '交办事项 1' }).waitFor();
    expect(await finding.getByRole('button', { name: '转为交办事项' }).count()).toBe(0);
  });
});
