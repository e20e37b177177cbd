import type { MatterAction } from '@yiting/domain';

/**
 * The form fields of each action: the keys of its payload schema (MatterActionPayloads), except
 * `leadUnitLeader`, which the dialog puts into `unitLeaders` under the chosen lead unit.
 */
export type ActionField =
  | 'leadUnitId'
  | 'leadUnitLeader'
  | 'coUnitIds'
  | 'deadline'
  | 'noticeNumber'
  | 'comment'
  | 'reason'
  | 'suggestedUnitId'
  | 'measures'
  | 'status'
  | 'evidenceFileIds'
  | 'until'
  | 'summary'
  | 'satisfied'
  | 'basicallySatisfied'
  | 'unsatisfied'
  | 'abstained'
  | 'message';

export const ACTION_FIELDS: Record<MatterAction, ActionField[]> = {
  assign: ['leadUnitId', 'leadUnitLeader', 'coUnitIds', 'deadline', 'noticeNumber'],
  receive: ['comment'],
  object: ['reason', 'suggestedUnitId'],
  reassign: ['leadUnitId', 'leadUnitLeader', 'coUnitIds', 'deadline'],
  dismiss_objection: ['reason'],
  report_progress: ['measures', 'status', 'evidenceFileIds'],
  request_extension: ['until', 'reason'],
  approve_extension: ['comment'],
  reject_extension: ['reason'],
  submit_completion: ['summary', 'evidenceFileIds'],
  return: ['reason'],
  close_out: ['comment'],
  record_vote: ['satisfied', 'basicallySatisfied', 'unsatisfied', 'abstained'],
  reopen: ['reason'],
  urge: ['message'],
  cancel: ['reason'],
};
