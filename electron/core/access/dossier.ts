import type { TFunction } from 'i18next';
import type { CaseRecord } from '../../../shared/contract';
import { requestPassageId, type AccessDossier, type AccessRequest, type DossierEntry, type DossierLine, type DossierPassage, type DossierSection } from '../../../shared/schemas/access';
import type { FollowUp } from '../../../shared/schemas/followUps';
import type { Language } from '../../../shared/schemas/primitives';
import { longDate, translatorFor } from '../i18n/translator';
import { entriesInDossier } from './reporterEntries';

/** What the vault holds of one case that a dossier for one of its reporters may show. */
export interface DossierSource {
  record: CaseRecord;
  reporter: number;
  followUps: FollowUp[];
  requests: AccessRequest[];
  language: Language;
  madeOn: string;
}

/** Passages the adviser leaves out: their text never reaches the document, only the marker. */
export type LeftOut = ReadonlySet<string>;

class DossierWriter {
  private readonly t: TFunction;

  constructor(
    private readonly language: Language,
    private readonly leftOut: LeftOut,
  ) {
    this.t = translatorFor(language);
  }

  date = (isoDate: string) => longDate(this.language, isoDate);
  dateTime = (value: string) => `${this.date(value.slice(0, 10))}, ${value.slice(11, 16)}`;
  code = (list: string, code: string | null) => (code === null ? this.t('form.notRecorded') : this.t(`taxonomy.${list}.${code}`));
  flag = (value: boolean | null) => (value === null ? this.t('form.notRecorded') : this.t(value ? 'form.yes' : 'form.no'));

  fact(labelKey: string, value: string): DossierLine {
    return { label: this.t(labelKey), value, passages: [] };
  }

  /** The adviser's text, each line a passage of its own so a sentence about someone else can go alone. */
  text(labelKey: string, id: string, text: string, byLine = false): DossierLine | null {
    const parts = byLine ? text.split(/\r?\n/).map((line, index) => ({ id: `${id}.${index}`, text: line })) : [{ id, text }];
    const passages = parts.filter((part) => part.text.trim() !== '').map((part) => this.passage(part.id, part.text));
    return passages.length === 0 ? null : { label: this.t(labelKey), value: null, passages };
  }

  /** A fact the adviser may leave out whole, as a passage of its own. */
  factPassage(labelKey: string, id: string, text: string): DossierLine {
    return { label: this.t(labelKey), value: null, passages: [this.passage(id, text)] };
  }

  private passage(id: string, text: string): DossierPassage {
    const leftOut = this.leftOut.has(id);
    return { id, text: leftOut ? this.t('access.dossier.leftOut') : text, leftOut };
  }

  section(id: DossierSection['id'], entries: DossierEntry[]): DossierSection {
    return { id, title: this.t(`access.dossier.section.${id}`), entries, emptyNote: entries.length === 0 ? this.t('access.dossier.none') : null };
  }

  entry(heading: string | null, lines: (DossierLine | null)[]): DossierEntry {
    return { heading, lines: lines.filter((line): line is DossierLine => line !== null) };
  }

  get translate() {
    return this.t;
  }
}

function caseSection(w: DossierWriter, record: CaseRecord): DossierSection {
  const { otherParty } = record;
  return w.section('case', [
    w.entry(null, [
      w.fact('access.dossier.caseNumber', record.number),
      w.text('caseForm.label', 'case.label', record.label),
      w.fact('caseForm.firstContact', w.dateTime(record.firstContactAt)),
      w.fact('caseForm.firstResponse', record.firstResponseAt ? w.dateTime(record.firstResponseAt) : w.translate('form.notRecorded')),
      w.fact('caseForm.intakeRoute', w.code('intakeRoute', record.intakeRoute)),
      w.fact('caseForm.natures', record.natures.length === 0 ? w.translate('form.notRecorded') : record.natures.map((nature) => w.code('nature', nature)).join(', ')),
      w.fact('caseForm.otherParty', w.code('otherPartyRelation', otherParty.relation)),
      w.fact('caseForm.hierarchical', w.flag(otherParty.hierarchical)),
      w.text('caseForm.otherPartyDescription', 'case.otherParty', otherParty.description),
      w.fact('caseForm.recency', w.code('recency', record.recency)),
      w.fact('caseForm.frequency', w.code('frequency', record.frequency)),
      w.fact('caseForm.handlings', record.handlings.length === 0 ? w.translate('form.notRecorded') : record.handlings.map((handling) => w.code('handling', handling)).join(', ')),
      w.fact('caseForm.status', w.code('status', record.status)),
      record.closedOn ? w.fact('caseForm.closedOn', w.date(record.closedOn)) : null,
      record.outcome ? w.fact('caseForm.outcome', w.code('outcome', record.outcome)) : null,
    ]),
  ]);
}

/** Only this reporter: a joint case's other reporters appear in no line of it. */
function reporterSection(w: DossierWriter, record: CaseRecord, position: number): DossierSection {
  const reporter = record.reporters[position]!;
  return w.section('reporter', [
    w.entry(null, [
      w.text('caseForm.reporterName', `reporter.name`, reporter.name),
      w.fact('caseForm.staffCategory', w.code('staffCategory', reporter.staffCategory)),
      w.fact('caseForm.employmentStatus', w.code('employmentStatus', reporter.employmentStatus)),
      w.fact('caseForm.ageBand', w.code('ageBand', reporter.ageBand)),
      w.fact('caseForm.gender', w.code('gender', reporter.gender)),
      w.text('caseForm.unit', 'reporter.unit', reporter.unit),
      w.fact('caseForm.reporterRole', w.code('reporterRole', reporter.role)),
      w.fact('caseForm.earlierPeriod', w.code('earlierPeriod', reporter.earlierPeriod)),
      w.fact('caseForm.international', w.flag(reporter.international)),
    ]),
  ]);
}

function conversationSection(w: DossierWriter, record: CaseRecord, position: number): DossierSection {
  return w.section(
    'conversations',
    entriesInDossier(record, position).map((entry) =>
      w.entry(`${w.code('conversationKind', entry.kind)}, ${w.dateTime(entry.heldAt)}`, [
        entry.mode ? w.fact('conversation.mode', w.code('conversationMode', entry.mode)) : null,
        entry.durationMinutes ? w.fact('conversation.duration', String(entry.durationMinutes)) : null,
        w.text('conversation.participants', `conversation.${entry.id}.participants`, entry.participants),
        w.text('conversation.notes', `conversation.${entry.id}.notes`, entry.notes, true),
      ]),
    ),
  );
}

function mediationSection(w: DossierWriter, record: CaseRecord): DossierSection | null {
  const mediation = record.mediation;
  if (!mediation) return null;
  return w.section('mediation', [
    w.entry(null, [
      w.fact('mediation.otherPartyConsent', w.flag(mediation.otherPartyConsent)),
      mediation.hearingHeldOn ? w.fact('mediation.hearingOn', w.date(mediation.hearingHeldOn)) : null,
      w.text('mediation.hearingNotes', 'mediation.hearing', mediation.hearingNotes, true),
      mediation.outcome ? w.fact('mediation.outcome', w.code('mediationOutcome', mediation.outcome)) : null,
    ]),
    ...mediation.parties.map((party, index) => w.entry(w.code('mediationPartyRole', party.role), [w.text('mediation.partyDescription', `mediation.party.${index}`, party.description)])),
    ...mediation.agreements.map((agreement, index) =>
      w.entry(w.date(agreement.agreedOn), [w.text('mediation.agreementText', `mediation.agreement.${index}`, agreement.text, true)]),
    ),
  ]);
}

function consentSection(w: DossierWriter, record: CaseRecord): DossierSection {
  return w.section(
    'consents',
    record.consents.map((consent, index) =>
      w.entry(w.code('consentScope', consent.scope), [
        w.fact('access.dossier.answer', `${w.code('consentAnswer', consent.answer)}, ${w.date(consent.givenOn)}`),
        w.text('caseForm.withWhom', `consent.${index}.withWhom`, consent.withWhom),
        consent.withdrawnOn ? w.fact('caseForm.withdrawnOn', w.date(consent.withdrawnOn)) : null,
      ]),
    ),
  );
}

function referralSection(w: DossierWriter, record: CaseRecord): DossierSection {
  return w.section(
    'referrals',
    record.referrals.map((referral) => w.entry(null, [w.fact('caseForm.referralTarget', w.code('referralTarget', referral.target)), w.fact('caseForm.referredOn', w.date(referral.referredOn))])),
  );
}

/**
 * Steps set on another reporter's entry stay out with that entry. An access request's deadline is
 * told with its request, where the adviser can leave it out: the request may be another reporter's.
 */
function followUpSection(w: DossierWriter, source: DossierSource): DossierSection {
  const shown = new Set(entriesInDossier(source.record, source.reporter).map((entry) => entry.id));
  return w.section(
    'followUps',
    source.followUps
      .filter((followUp) => followUp.kind !== 'access_request')
      .filter((followUp) => followUp.conversationId === null || shown.has(followUp.conversationId))
      .map((followUp) =>
        w.entry(w.translate(`access.dossier.followUpKind.${followUp.kind}`), [
          w.fact('access.dossier.dueOn', followUp.dueTime ? `${w.date(followUp.dueDate)}, ${followUp.dueTime}` : w.date(followUp.dueDate)),
          followUp.doneOn ? w.fact('access.dossier.doneOn', w.date(followUp.doneOn)) : null,
          followUp.kind === 'own' ? w.text('access.dossier.followUpText', `followUp.${followUp.id}`, followUp.text) : null,
        ]),
      ),
  );
}

/**
 * The vault does not record which reporter of a case asked (migration 020 keeps dates only), so in
 * a joint case a request may be another reporter's: each request, its dates all in one passage, is
 * the adviser's to leave out.
 */
function requestSection(w: DossierWriter, requests: AccessRequest[]): DossierSection {
  const t = w.translate;
  return w.section(
    'requests',
    requests.map((request) => {
      const told = [
        t('access.request', { date: w.date(request.requestedOn) }),
        request.dueOn ? t('access.dueOn', { date: w.date(request.dueOn) }) : null,
        request.doneOn && request.dossiersGivenAt.length === 0 ? t('access.answered', { date: w.date(request.doneOn) }) : null,
        ...request.dossiersGivenAt.map((givenAt) => t('access.given', { date: w.dateTime(givenAt) })),
      ];
      return w.entry(null, [w.factPassage('access.dossier.request', requestPassageId(request.id), told.filter((part) => part !== null).join('; '))]);
    }),
  );
}

/**
 * Everything the vault holds about one reporter of a case: the case's facts, that reporter's
 * record, the entries that are theirs or the case's (never only another reporter's), the
 * mediation, consents, referrals, follow-ups and the access requests. Each of the adviser's texts
 * is in passages; a passage in `leftOut` is replaced by the marker before the document exists.
 */
export function buildDossier(source: DossierSource, leftOut: LeftOut): AccessDossier {
  const w = new DossierWriter(source.language, leftOut);
  const t = w.translate;
  const sections = [
    caseSection(w, source.record),
    reporterSection(w, source.record, source.reporter),
    conversationSection(w, source.record, source.reporter),
    mediationSection(w, source.record),
    consentSection(w, source.record),
    referralSection(w, source.record),
    followUpSection(w, source),
    requestSection(w, source.requests),
  ].filter((section): section is DossierSection => section !== null);
  return {
    language: source.language,
    title: t('access.dossier.title'),
    subject: t('access.dossier.subject', { number: source.record.number }),
    madeOn: t('access.dossier.madeOn', { date: w.date(source.madeOn) }),
    intro: t('access.dossier.intro'),
    leftOutMarker: t('access.dossier.leftOut'),
    sections,
  };
}

/** Every passage id of a dossier: what a save may name as left out. */
export const passageIds = (dossier: AccessDossier) => dossier.sections.flatMap((section) => section.entries.flatMap((entry) => entry.lines.flatMap((line) => line.passages.map((passage) => passage.id))));
