import type { Handlers } from '../ipc/router';
import { answerFlow } from '../report/flowAnswers';
import { getGroupings, saveGroupings } from '../report/groupings';
import { reportFromVault } from '../report/reportFromVault';
import { importExport, removeImport, setHeadcount } from '../report/teamImports';
import { saveWhereChosen } from '../storage/saveChosen';
import { importablePayload } from '../team/importablePayload';
import {
  acceptanceOf,
  acceptInvitation,
  addMerger,
  createTeam,
  importAcceptance,
  invitationText,
  joinAsMerger,
  readAcceptance,
  readInvitation,
  teamInfo,
} from '../team/team';
import { done, type CoreContext } from './context';

type TeamChannel =
  | 'team.info'
  | 'team.create'
  | 'team.saveInvitation'
  | 'team.readInvitation'
  | 'team.acceptInvitation'
  | 'team.saveAcceptance'
  | 'team.readAcceptance'
  | 'team.addAdviser'
  | 'team.joinAsMerger'
  | 'team.addMerger'
  | 'team.import'
  | 'team.remove'
  | 'team.report'
  | 'team.answerFlow'
  | 'team.setHeadcount'
  | 'team.groupings'
  | 'team.saveGroupings';

/** The team: invitation and acceptances, and at the merging member the imports and the report they make. */
export function teamHandlers({ db, shell, clock, events, today }: CoreContext) {
  return {
    'team.info': () => teamInfo(db()),
    'team.create': (request) => createTeam(db(), request, today()),
    'team.saveInvitation': () => saveWhereChosen(shell, 'confidant-team-invitation.json', invitationText(db())),
    'team.readInvitation': ({ content }) => readInvitation(content).summary,
    'team.acceptInvitation': ({ content, fingerprint }) => acceptInvitation(db(), content, fingerprint, today()),
    'team.saveAcceptance': () => saveWhereChosen(shell, 'confidant-team-acceptance.json', `${JSON.stringify(acceptanceOf(db()), null, 2)}\n`),
    'team.readAcceptance': ({ content }) => readAcceptance(db(), content),
    'team.addAdviser': ({ content, replaceKey }) => importAcceptance(db(), content, today(), replaceKey),
    'team.joinAsMerger': ({ content, fingerprint }) => joinAsMerger(db(), content, fingerprint, today()),
    'team.addMerger': ({ content }) => addMerger(db(), content, today()),
    'team.import': ({ content, replace, acceptUnsealed }) =>
      events.withProgress('import', async (report) => importExport(db(), await importablePayload(db(), content, acceptUnsealed), replace, clock(), report)),
    'team.remove': ({ exportId }) => {
      removeImport(db(), exportId);
      return done;
    },
    'team.report': (request) => reportFromVault(db(), request),
    'team.answerFlow': (request) => {
      answerFlow(db(), request);
      return done;
    },
    'team.setHeadcount': ({ year, headcount }) => {
      setHeadcount(db(), year, headcount);
      return done;
    },
    'team.groupings': () => getGroupings(db()),
    'team.saveGroupings': ({ groupings }) => saveGroupings(db(), groupings),
  } satisfies Pick<Handlers, TeamChannel>;
}
