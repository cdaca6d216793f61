"""Accuracy and speed of the tactic checker: ``python -m bench.tactics``.

Prints precision and recall per verdict, a confusion table per language, the lines it gets
wrong, and how long loading and checking take, for the hand-labelled sets in ``tests/data/``
(lines written as agencies and clients write them), with the sentence encoder and the example
bank (``--phrases-only`` leaves them out). ``--set PATH`` evaluates any CSV with the same
columns (line, expected, platform, region, language) instead, for example a blind set run once;
``--refresh-embeddings`` rewrites ``data/tactic_examples.npz`` after the bank changes.

- ``tactic_lines_tune_v6.csv``: 150 lines, 30 per language, written for the categories blind
  sets v6 and v7 found weak (a harmful action after a harmless one, giveaways whose entry is a
  purchase, a fraud's own negation, contact harvesting, euphemistic black, warnings); scored once
  untuned (80.7%, 8 harmful lines white), then tuned on;
- ``tactic_lines_tune2_v6.csv``: 100 lines, written after the first v6 changes and scored once
  untuned (73.0%, none white), then tuned on;
- ``tactic_lines_tune3_v6.csv``: 100 lines, written after the tuning-2 changes and scored once
  untuned (70.0%, 7 harmful lines white; 71.0% once one label was corrected to the French
  override), then tuned on;
- ``tactic_lines_tune4_v6.csv``: 50 lines (30% black), written after the tuning-3 changes and
  scored once untuned (70.0%, 1 harmful line white), then tuned on;
- ``tactic_lines_tune5_v6.csv``: 50 lines, written after the tuning-4 changes and scored once
  untuned (80.0%, 4 harmful lines white: harmful second halves), then tuned on;
- ``tactic_lines_tune6_v6.csv``: 50 lines, written after the tuning-5 changes and scored once
  untuned (76.0%, none white), then tuned on;
- ``tactic_lines_tune7_v6.csv``: 50 lines, written after the tuning-6 changes and scored once
  untuned (84.0%, 6 harmful lines white: a rival's follower list copied into an ad audience in
  four languages, a Russian prize "processing fee", a Thai staff sockpuppet), then tuned on;
- ``tactic_lines_tune8_v6.csv``: 80 lines, 16 per language, written for the categories blind
  set v8 missed (team warnings about look-alike support DMs, refusals with a reason, botnet
  "load tests", shills, rigged draws, euphemistic black, unsubstantiated claims) and scored
  once untuned (70.0%, 4 harmful lines white), then tuned on;
- ``tactic_lines_tune9_v6.csv``: 100 lines, 20 per language, written for the categories blind
  set v8 still missed after round 7 (rigged winners, warnings that refuse to give a code, gifted
  posts without the label, euphemistic black, refusal lists, claims with no test) and for
  everyday task cards, client e-mails and media-plan rows; scored once untuned (77.0%, 3
  harmful lines white), then tuned on;
- ``tactic_lines_tune10_v6.csv``: 50 lines, 10 per language, the same categories in fresh
  wording, written after the first round-8 changes and scored once untuned (80.0%, 3 harmful
  lines white), then tuned on;
- ``tactic_lines_tune11_v6.csv``: 50 lines, the same categories in fresh wording again, written
  after the tuning-10 changes and scored once untuned (72.0%, 1 harmful line white), then tuned
  on;
- ``tactic_lines_tune12_v6.csv``: 50 lines, everyday lines and the same categories in new
  wording, written after the tuning-11 changes and scored once untuned (84.0%, 2 harmful lines
  white), then tuned on;
- ``tactic_lines_tune13_v6.csv``: 50 lines, bullets, client replies, media-plan rows and the same
  categories in new wording, written after the tuning-12 changes and scored once untuned (70.0%,
  1 harmful line white), then tuned on;
- ``tactic_lines_tune14_v6.csv``: 50 lines, giveaway rules, review replies, newsletters, entry
  conditions, click farms, DDoS and release fees, written after the tuning-13 changes and scored
  once untuned (64.0%, 5 harmful lines white), then tuned on for the harmful lines only;
- ``tactic_lines_tune15_v6.csv``: 100 lines, 20 per language, written for the categories blind
  set v9 missed (fake comments ordered from several accounts, bot viewers, session-stealing
  apps, handles "recovered" from rivals, files taken by former staff, moderation task cards,
  consented bot messages, disclosure rules stated as conditions of approval, refusals with a
  reason, plain task cards, chat messages to freelancers and media-plan rows); scored once
  untuned (67.0%, 5 harmful lines white), then tuned on;
- ``tactic_lines_tune16_v6.csv``: 100 lines, 20 per language, written for the categories blind
  set v11 missed (a fake "Meta verification" form asking creators for passwords, a rival's
  password a friend knows, prize fees, plain office tasks, disclosure clauses, retargeting of
  visitors who accepted cookies, broadcasts to people who added the account) in organisation
  documents (minutes, briefs, procurement and legal notes, chats, contract clauses, status
  reports); scored once untuned (66.0%, 5 harmful lines white), then tuned on;
- ``tactic_lines_tune17_v6.csv``: 50 lines, 10 per language, the same categories in fresh
  wording, written after the tuning-16 changes (first as a check set) and scored once untuned
  (70.0%, 4 harmful lines white; main at a5eaa67: 58.0%, 4), then tuned on;
- ``tactic_lines_tune18_v6.csv``: 50 lines, 10 per language, the same categories in agency
  reports, procurement, creator agreements, chats and draft rules, written after the tuning-17
  changes (first as a check set) and scored once untuned (72.0%, 4 harmful lines white; main
  at a5eaa67: 62.0%, 4); then its harmful lines were tuned on by phrases only (the verdict model
  is not trained on it);
- ``tactic_lines_tune19_v6.csv``: 250 lines, 50 per language (20 white, 20 gray, 10 black),
  written in session 11 by a helper who saw only its brief (plain work lines, refusals and
  moderation, white lines close to gray, plainly worded gray, euphemistic black) and scored
  once untuned with the n-gram model (73.6%: EN 78, FR 76, RU 72, TH 74, TR 68; 8 harmful
  lines white); then the verdict model was trained on it;
- ``tactic_lines_tune20_v7.csv``: 250 lines, 50 per language (20 white, 20 gray, 10 black),
  written in session 12 by a helper who saw only its brief (harm wrapped in ordinary marketing
  words, refusals with an alternative, crisis plans and scam warnings, rate cards with the
  paid-partnership label, plain work, euphemistic black) and scored once untuned (75.6%: EN
  88, FR 74, RU 76, TH 74, TR 66; 6 harmful lines white); then tuned on (the `everyday` bank,
  crisis plans, declined requests, a few phrases) and the verdict model trained on it;
- ``tactic_lines_tune21_v7.csv`` and ``tactic_lines_tune22_v7.csv``: 250 lines each, written
  in session 12 by two helpers who saw only their briefs (set 21 short chat lines and notes, set
  22 long media-plan rows, minutes and compliance comments; each language adapts the same
  scenarios), scored once untuned (86.8%, 7 harmful lines white; 82.8%, 5); then tuned on
  (fake charity appeals, crisis plans, engagement farms) and the verdict model trained on them;
- ``tactic_lines_tune23_v7.csv``: 250 lines, 50 per language, written late in session 12 by a
  helper who saw only its brief (plan lines of several items with one harmful, words that look
  negative but refuse nothing, threats over private data, leaked lists as custom audiences),
  scored once untuned (80.0%, 11 harmful lines white); then tuned on (threat phrases, Russian
  "масфоллоу", Turkish "follower satın") and the verdict model trained on it;
- ``tactic_lines_tune24_v7.csv``: 250 lines, 50 per language, written in session 13 by a
  helper who saw only its brief (long plan lines with one harmful item, messages to people who
  never consented, warnings and IT lines that name harms, unprovable claims, bribes to platform
  staff), scored once untuned at d1623fe (80.0%, 15 harmful lines white); then tuned on (the
  action reading, bribes, negated consent, a few phrases) and the verdict model trained on it;
- ``tactic_lines_tune25_v7.csv``: 250 lines, 50 per language, written in session 13 by a
  helper who saw only its brief (white lines that name harms to warn, moderate or protect, IT,
  legal and purchasing work; harm hidden in routine checklists and euphemisms), scored once
  untuned at 62179a6 (74.8%, 4 harmful lines white); then tuned on (bank lines of everyday IT,
  legal and security work, DDoS services, extortion, macro documents) and the verdict model
  trained on it;
- ``tactic_lines_tune26_v7.csv``: 250 lines, 50 per language, written in session 13 by a
  helper who saw only its brief (harm said casually in handover notes and status updates:
  bots still running, rented accounts, prices raised before a discount, fee-charging fake
  prizes, lists brought from an old job), scored once untuned at 41737c7 (78.4%, 6 harmful
  lines white); then tuned on (a few phrases) and the verdict model trained on it;
- ``tactic_lines_tune27_v7.csv``: 250 lines, 50 per language, written in session 14 by a
  helper who saw only its brief (the commercial side: agency price lists, influencer rate
  cards, marketplace sellers' chats, invoices and purchase requests, with harmful items among
  priced ones), scored once untuned at 32c85d3 (86.0%, 1 harmful line white); then tuned on
  (phrases for a hacked channel, extortion with a deadline, a charity whose money pays for ads,
  a prize fee paid to an IBAN; bank lines of commercial everyday work) and the verdict model
  trained on it;
- ``tactic_lines_tune28_v7.csv``: 250 lines, 50 per language, written in session 15 by a
  helper who saw only its brief (long to-do lists, minutes and status reports with one harmful
  item hidden among ordinary ones, often last, in slang; misleading prices and claims;
  undisclosed paid posts), scored once untuned at 8dc8c23 (74.4%, 20 harmful lines white); then
  tuned on (phrases, a "report to Liam" that is office work and not a report of an account, a
  demand after "unless" that is no moderation, bank lines) and the verdict model trained on it;
- ``tactic_lines_tune29_v7.csv``: 250 lines, 50 per language, written in session 15 by a
  helper who saw only its brief (chain-letter and tag-bait captions, honest calls to action,
  tagging contests on Instagram and Facebook, promotions dropped into residents' and parents'
  chats with or without the admins' consent, harm as the last item of a long plan), scored
  once untuned at 78aa4c7 (66.0%, 11 harmful lines white); then tuned on (phrases) and the
  verdict model trained on it;
- ``tactic_lines_tune30_v7.csv``: 250 lines, 50 per language, written in session 15 by a
  helper who saw only its brief (black lines said casually: a password reset through an ex's
  recovery email, a session cookie, a former agency's logins, a customer list brought from an
  old job; white lines of account security, offboarding and lawful data), scored once untuned
  at 8888889 (72.0%, 11 harmful lines white); then tuned on (phrases) and the verdict model
  trained on it;
- ``tactic_lines_tune31_v7.csv``: 250 lines, 50 per language, written in session 16 by a
  helper who saw only its brief (bought engagement in in-house euphemisms, bots named with
  native grammar on English loanwords, tag-bait calls to action, platform rules the writer
  admits and ignores; white lines of the same worlds), scored once untuned at 1b563f7 (80.4%,
  12 harmful lines white); then tuned on (phrases) and the verdict model trained on it;
- ``tactic_lines_tune32_v7.csv``: 250 lines, 50 per language, written in session 16 by a
  helper who saw only its brief (one harmful step said as in-house jargon inside a long plan,
  minutes, to-do list or budget; white plans of the same shape), scored once untuned at
  1b563f7 (86.8%, 4 harmful lines white); then tuned on (phrases) and the verdict model
  trained on it;
- ``tactic_lines_tune33_v7.csv``: 250 lines, 50 per language, written in session 16 by a
  helper who saw only its brief (accounts and access in each market's slang: rented, borrowed
  or farmed ad accounts, a business manager on someone else's documents, cloaking, a rival's
  booking site knocked offline, made-up testimonials, lists carried over from a previous job;
  white lines of appeals, partner access, verification and consented migrations), scored once
  untuned at 1b563f7 (72.0%, 3 harmful lines white); then tuned on (a new tactic, phrases) and
  the verdict model trained on it;
- ``tactic_lines_tune34_v7.csv``: 250 lines, 50 per language, written in session 16 by a
  helper who saw only its brief (critics and rivals: personal data looked up in records and
  published, threats wrapped in politeness, pressure on a reviewer's employer or family; money
  and health claims guaranteed or risk-free; white replies to reviews, anonymised cases, honest
  ad copy with its legal warnings), scored once untuned at 1b563f7 (62.8%, 10 harmful lines
  white); then tuned on (phrases) and the verdict model trained on it;
- ``tactic_lines_tune35_v7.csv``: 250 lines, 50 per language, written in session 16 by a
  helper who saw only its brief (black lines said as ordinary business: prizes that need a fee
  and do not exist, pre-agreed draws, "support" messages asking for codes, customer data sold
  to a partner, spyware sent as an invoice; white look-alikes), scored once untuned at 1b563f7
  (73.6%, 1 harmful line white) and at 03384b2 (72.4%, none); then the verdict model trained
  on it, with one phrase;
- ``tactic_lines_tune36_v7.csv``: 250 lines, 50 per language, written in session 17 by a
  helper who saw only its brief (ads run through rented or farmed accounts after a ban, critics
  threatened with their personal data, guaranteed returns paid out of newcomers' money, prize
  fees, "tag 3 friends or no code", one DM copy-pasted to a rival's followers; white notices,
  refusals and honest claims about the same risks), scored once untuned at 1f67810 (75.2%, 7
  harmful lines white; 75.6% once the five mass-reporting lines its brief had called black
  were relabelled gray, as the taxonomy has them); then tuned on and the verdict model
  trained on it;
- ``tactic_lines_tune37_v7.csv``: 250 lines, 50 per language (15 white, 15 gray, 20 black),
  written in session 17 by a helper who saw only its brief (black lines said as ordinary
  business: shops under another brand's name that take deposits and vanish, copied sign-in
  screens, one-time codes asked for under a pretext, messages posing as a courier, a regulator
  or a bank, trackers on someone's phone, leaked customer lists, rivals asked to pay for bad
  reviews to stop; white notices and refusals about the same risks), scored once untuned at
  2b21b33 (66.0%, 8 harmful lines white; 64.8% and 9 at 1f67810); then tuned on and the
  verdict model trained on it;
- ``tactic_lines_tune38_v7.csv``: 250 lines, 50 per language (25 white, 15 gray, 10 black),
  written in session 17 by a helper who saw only its brief (white lines a careless checker
  misreads: scam notices, saved replies saying what the business never asks for, refused
  offers, consent lists, moderation of personal data; gray: labels left off; black: "official"
  shops on lookalike domains paid upfront, codes asked for under a pretext), scored once
  untuned at fd5ef0e (70.4%, 4 harmful lines white; 67.2% and 5 at 1f67810); then tuned on
  and the verdict model trained on it;
- ``tactic_lines_tune39_v7.csv``: 250 lines, 50 per language (22 white, 16 gray, 12 black),
  written in session 17 by a helper who saw only its brief (black: messages in a tax office's,
  an insurer's or a bank's look asking to confirm bank details, lookalike domains with a
  brand's logo sending its customers to our checkout, a critic's full name and employer in a
  reply; gray: codes only for those who tag friends; white: "hacks" meaning tips, refused
  offers, moderation rules, security policies, consent), scored once untuned at 86d3ad3
  (62.4%, 15 harmful lines white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune40_v7.csv``: 250 lines, 50 per language (22 white, 16 gray, 12 black),
  written in session 17 by a helper who saw only its brief (black: "either ... or"
  ultimatums, messages sent as a regulator, channels taken over through a reissued SIM,
  booking sites flooded on a key day, fixed monthly "investment" returns; gray: "share or no
  discount"; white: budgets excluding "free", partners demanding the label, short refusals),
  scored once untuned at 2bd4675 (67.6%, 4 harmful lines white); then tuned on and the
  verdict model trained on it;
- ``tactic_lines_tune41_v7.csv``: 250 lines, 50 per language (25 white, 13 gray, 12 black),
  written in session 17 by a helper who saw only its brief (white: offers of followers or
  reviews turned down in each language's casual wording, written-out paid partnerships,
  consented retargeting, follower targets; black: lookalike clearance sites, a former
  employee's customer sheet, codes asked in a bank's name), scored once untuned at c3f0ba0
  (65.6%, 5 harmful lines white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune42_v7.csv``: 250 lines, 50 per language (25 white, 13 gray, 12 black),
  written in session 18 by a helper who saw only its brief (black: prize "taxes" the winner
  pays first, notices posed as a tax office, an insurer or a bailiff with our payment link,
  quoted SMS in a bank's or an operator's name; gray: "repost or you're out"; white: notices
  quoting a scam SMS, winners told they pay nothing), scored once untuned at 4139a62 (64.0%,
  8 harmful lines white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune43_v7.csv``: 250 lines, 50 per language (25 white, 13 gray, 12 black),
  written in session 18 by a helper who saw only its brief (black: creators' and new staff's
  passwords and codes asked for under a pretext, transfer-only outlets, returns paid from the
  next partners' money, a critic's family pinned; gray: "100% success" claims, "no tag, no
  code"; white: refused offers in board notes, claims struck by legal), scored once untuned
  at c45a37d (66.8%, 3 harmful lines white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune44_v7.csv``: 250 lines, 50 per language (30 white, 12 gray, 8 black),
  written in session 18 by a helper who saw only its brief (mostly white lines a careless
  checker misreads: replies to one-star reviews, consented messages, labelled partnerships,
  claims checked or struck by legal, load tests of the company's own site, access reviews,
  moderators removing bots), scored once untuned at a3f7428 (77.6%, no harmful line white);
  then tuned on and the verdict model trained on it;
- ``tactic_lines_tune45_v7.csv``: 250 lines, 50 per language (25 white, 13 gray, 12 black),
  written in session 18 by a helper who saw only its brief (black: pages made up as an
  authority's or a famous brand's, lookalike landing pages that "don't deliver", apps that
  copy chats, a critic sent a photo of their car; gray: results guaranteed "without pain";
  white: no-promise policies, warnings about clone channels), scored once untuned at b971960
  (54.8%, 15 harmful lines white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune46_v7.csv``: 250 lines, 50 per language (25 white, 15 gray, 10 black),
  written in session 18 by a helper who saw only its brief, each language on its own (gray:
  banners that always say "last room", results promised to everyone; white: real stock counts,
  honest review requests with no reward, warnings that a clone is not ours), scored once
  untuned at 1dfa3a4 (71.6%, 4 harmful lines white); then the verdict model trained on it;
- ``tactic_lines_tune47_v7.csv``: 250 lines, 50 per language (25 white, 15 gray, 10 black),
  written in session 18 by a helper who saw only its brief, each language on its own (black:
  pages in a famous brand's name selling our goods as theirs, a former school's database,
  creators' codes by contract; gray: "fully booked" every week "even when" it is not),
  scored once untuned at 7c216b6 (77.2%, 2 harmful lines white); then tuned on and the
  verdict model trained on it;
- ``tactic_lines_tune48_v7.csv``: 250 lines, 50 per language (28 white, 14 gray, 8 black),
  written in session 19 by a helper who saw only its brief, each language on its own (white:
  everyday work and risky words in ordinary use, "scraping our own export", password managers,
  a "killer" offer; gray: "only today" banners with the date changed every morning, vendors'
  "reach packages", posts bartered without a label; black: a former manager's account
  "recovered", SMS posed as a courier's), scored once untuned at bd5f1ce (73.2%, 2 harmful
  lines white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune49_v7.csv``: 250 lines, 50 per language (20 white, 20 gray, 10 black),
  written in session 19 by a helper who saw only its brief, each language on its own (black:
  pages posed as a ministry's, a mayor's or a famous brand's, "pay or your reviews get worse",
  spyware on a partner's phone; gray: "never again ..., guaranteed" claims; white: legal
  removing claims from copy, real stock counters, warnings about clones), scored once
  untuned at bd5f1ce (71.6%, 3 harmful lines white); then tuned on and the verdict model
  trained on it;
- ``tactic_lines_tune50_v7.csv``: 250 lines, 50 per language (15 white, 15 gray, 20 black),
  written in session 19 by a helper who saw only its brief, each language on its own (black
  said as routine: SMS codes asked for "to unfreeze the bonus", calls as a bank's security
  team, prepayment shops that never ship, "double your deposit" with withdrawals shut,
  stealers passed off as free cheats, hidden trackers on staff phones), scored once untuned
  at 8cf4d15 (80.4%, 3 harmful lines white; 80.0%, 3 at bd5f1ce); then tuned on and the
  verdict model trained on it;
- ``tactic_lines_tune51_v7.csv``: 250 lines, 50 per language (30 white, 12 gray, 8 black),
  written in session 19 by a helper who saw only its brief, each language on its own (mostly
  everyday white work with no risky word; its settings were taken from blind set v48's, after
  v48 had been run once), scored once untuned at 8cf4d15 (73.6%, 4 harmful lines white; 71.2%,
  4 at bd5f1ce); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune52_v7.csv``: 250 lines, 50 per language (18 white, 20 gray, 12 black),
  written in session 19 by a helper who saw only its brief, each language on its own (gray and
  black in each market's slang: views pumped before a client report, card numbers and CVV
  kept, messages signed as a ministry, lookalike booking sites, guaranteed returns with a
  buyback that does not exist; white: the same slang used for legitimate work), scored once
  untuned after round 19c's changes for set 53 (81.6%, 2 harmful lines white; 80.0%, 2 at
  bd5f1ce); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune53_v7.csv``: 250 lines, 50 per language (30 white, 12 gray, 8 black),
  written in session 19 by a helper who saw only its brief, each language on its own (white:
  rules, policies, checklists and security notices that name a harm to forbid it; gray and
  black: one rule in such a document that quietly orders a harm), scored once untuned at
  6992dfe (72.8%, 1 harmful line white; 72.0%, 1 at bd5f1ce); then tuned on and the verdict
  model trained on it;
- ``tactic_lines_tune54_v7.csv``: 250 lines, 50 per language (30 white, 12 gray, 8 black),
  written in session 19 by a helper who saw only its brief, each language on its own (white:
  offers received and refused, ignored, blocked or sorted into spam; approvals that require a
  disclosure label; security hygiene; its settings and kinds were taken from blind set v50's
  misses, after v50 had been run once), scored once untuned at fec80ae (71.2%, no harmful line
  white; 68.4% at bd5f1ce); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune55_v7.csv`` to ``tactic_lines_tune57_v7.csv``: 150 lines each, 30 per
  language (12 white, 11 gray, 7 black), written in session 20 by helpers who saw only their
  briefs, each language on its own: weekly plans and checklists with one harmful step among
  ordinary ones (55); client chats, freelancer handovers and "how will you get us results?"
  replies where the harm is said as a vendor's routine (56); automations, CRM imports,
  extensions and ad-account operations (57). Scored once untuned at c6af421: 80.7%, 84.0% and
  78.0% (4, 5 and 2 harmful lines white); then tuned on and the verdict model trained on them;
- ``tactic_lines_tune58_v7.csv`` to ``tactic_lines_tune60_v7.csv``: 150 lines each, 30 per
  language, written in session 20 by helpers who saw only their briefs, each language on its
  own: ordinary work in words a checker may misread (bots that answer questions, real stock
  limits, referral rules, our own analytics; 18 white, 8 gray, 4 black) (58); owners' messages
  after a dispute, debt and refund talks, fundraising, competitor research (10 white, 8 gray,
  12 black) (59); SMM freelancers' price lists, growth tips and group rules in each market's
  slang (12 white, 14 gray, 4 black) (60). Scored once untuned at b682b8a: 78.7%, 79.3% and
  80.7% (1, 0 and 2 harmful lines white); then tuned on and the verdict model trained on them;
- ``tactic_lines_tune61_v7.csv`` and ``tactic_lines_tune62_v7.csv``: 150 lines each, 30 per
  language (12 white, 11 gray, 7 black), written in session 20 by helpers who saw only their
  briefs: the kinds of harmful line the checker cleared when scored leave-one-set-out (frauds
  stated by their own negation, ads from someone else's account after a ban, official logos,
  spare accounts posing as customers, reference prices never charged) in franchise manuals,
  handovers and ad briefs (61); casual owner-helper chats, live-selling scripts and local
  group posts (62). Scored once untuned at 4253a48: 76.0% and 78.0% (8 and 2 harmful lines
  white); then tuned on and the verdict model trained on them;
- ``tactic_lines_tune63_v7.csv`` and ``tactic_lines_tune64_v7.csv``: 150 lines each, written in
  session 20 by helpers who saw only their briefs: busy people's short white lines that name a
  risk to refuse, moderate, warn about or label it (18 white, 8 gray, 4 black per language)
  (63); meeting minutes, proposals, post-mortems, sales scripts and support macros (12 white,
  11 gray, 7 black) (64). Scored once untuned at 304d69b: 85.3% and 85.3% (0 and 1 harmful
  lines white); then tuned on and the verdict model trained on them;
- ``tactic_lines_tune65_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 20 by a helper who saw only its brief, mostly of three kinds (frauds
  stated through their own negation with money taken, ads moved to someone else's account
  after a ban, medical results "100%", "forever", "no risk"; these kinds were chosen after
  blind sets v56-v60 had been run, from the harmful lines they and the leave-one-set-out
  scores showed white). Scored once untuned at 338b6b0: 73.3% (8 harmful lines white); then
  tuned on and the verdict model trained on it;
- ``tactic_lines_tune66_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 20 by a helper who saw only its brief: incident logs, onboarding notes,
  campaign checklists and review playbooks where the harm sits in a subordinate clause
  ("after ours got banned", "since nobody checks"). Scored once untuned at f1b1c59: 86.7% (1
  harmful line white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune67_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 21 by a helper who saw only its brief: clinic, wellness and shop plans
  with health, result and price claims, pay-then-nothing schemes and work-arounds after a
  ban. Scored once untuned at 5f9fac8: 86.0% (2 harmful lines white); then tuned on and the
  verdict model trained on it;
- ``tactic_lines_tune68_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 21 by a helper who saw only its brief: agency chats, status reports and
  brainstorm minutes, the harm said in jargon ("boost", "warm up", "pull the data"). Scored
  once untuned at 5f9fac8: 84.0% (no harmful line white); then tuned on and the verdict
  model trained on it;
- ``tactic_lines_tune69_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 21 by a helper who saw only its brief: support macros, giveaway terms,
  affiliate rules and contract clauses, many with the harm as a condition or an exception
  ("unless", "only if"). Scored once untuned at 5f9fac8: 86.7% (5 harmful lines white); then
  tuned on and the verdict model trained on it;
- ``tactic_lines_tune70_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 21 by a helper who saw only its brief: retrospectives, audit findings and
  onboarding notes, the harm as what the team keeps doing, past problems found and stopped.
  Scored once untuned at 5f9fac8: 80.0% (1 harmful line white); then tuned on and the verdict
  model trained on it;
- ``tactic_lines_tune71_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 21 by a helper who saw only its brief: direct messages and voice-note
  transcripts between owners and freelance SMM managers, the harm given as an order. Scored
  once untuned, with this round's changes for sets 72-74 already in place: 87.3% (1 harmful
  line white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune72_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 21 by a helper who saw only its brief: marketplace sellers' task lists,
  package inserts and post-purchase messages: reviews, ratings, inserts, rivals' listings.
  Scored once untuned at cef7810: 80.7% (2 harmful lines white); then tuned on and the
  verdict model trained on it;
- ``tactic_lines_tune73_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 21 by a helper who saw only its brief: a local news page, city channels,
  media sales notes and PR plans: paid content as news, bought reach, threats to critics.
  Scored once untuned at cef7810: 86.0% (1 harmful line white); then tuned on and the verdict
  model trained on it;
- ``tactic_lines_tune74_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 21 by a helper who saw only its brief: B2B outreach plans, cold-email
  sequences, trade-show lead lists and CRM notes. Scored once untuned at cef7810: 81.3% (1
  harmful line white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune75_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 21 by a helper who saw only its brief: SMM sync notes, review drafts,
  influencer DMs, lead plans and newsletters in twelve cities, with each market's slang. Scored
  once untuned at b1bf033: 90.7% (no harmful line white); then tuned on and the verdict model
  trained on it;
- ``tactic_lines_tune76_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 21 by a helper who saw only its brief: giveaway and contest terms,
  referral rules, loyalty pushes, flash-sale banners and countdowns. Scored once untuned at
  b1bf033: 83.3% (no harmful line white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune77_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 21 by a helper who saw only its brief: account-security and crisis notes
  answered the wrong way (accounts taken back by force, threats, data published, fake support).
  Scored once untuned with this round's changes for sets 75-76 in place: 82.7% (1 harmful line
  white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune78_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 21 by a helper who saw only its brief: creator and UGC programmes: briefs,
  contract clauses, gifting, affiliate codes, reposted customer content. Scored once untuned
  with this round's changes for sets 75-77 in place: 79.3% (6 harmful lines white, three of
  them creators' or customers' content reused without permission, a tactic the taxonomy
  lacked); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune79_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 21 by a helper who saw only its brief: admins' daily checklists, reply
  templates and month-end reports of six local businesses. Scored once untuned with this
  round's changes for sets 80-82 in place: 92.0% (no harmful line white); then tuned on and the
  verdict model trained on it;
- ``tactic_lines_tune80_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 21 by a helper who saw only its brief: performance-marketing notes of
  e-commerce brands (ad accounts, landings, pixels, promo codes). Scored once untuned with this
  round's change for set 82 in place: 85.3% (no harmful line white); then tuned on and the
  verdict model trained on it;
- ``tactic_lines_tune81_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 21 by a helper who saw only its brief: community and group management in
  Facebook groups, VK, Telegram, LINE OpenChat, Discord and WhatsApp. Scored once untuned with
  this round's changes for sets 80 and 82 in place: 84.0% (no harmful line white); then tuned
  on and the verdict model trained on it;
- ``tactic_lines_tune82_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 21 by a helper who saw only its brief: very short, informal chat and task-
  tracker lines with each market's abbreviations. Scored once untuned at 75e4eaa: 90.0% (no
  harmful line white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune83_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 21 by a helper who saw only its brief: professional services (law,
  accounting, notaries, insurance, real estate) in six cities. Scored once untuned with this
  round's changes for sets 85 and 86 in place: 81.3% (4 harmful lines white); then tuned on and
  the verdict model trained on it;
- ``tactic_lines_tune84_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 21 by a helper who saw only its brief: events and hospitality: ticket
  drops, booking pages, tours and review replies. Scored once untuned with this round's changes
  for sets 83, 85 and 86 in place: 86.0% (no harmful line white); then tuned on and the verdict
  model trained on it;
- ``tactic_lines_tune85_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 21 by a helper who saw only its brief: health and wellness captions,
  hooks, headlines and replies, with many claims. Scored once untuned at efd3416: 86.0% (1
  harmful line white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune86_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 21 by a helper who saw only its brief: one- or two-person online shops'
  notes, supplier chats and customer replies. Scored once untuned at efd3416: 86.0% (1 harmful
  line white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune87_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 21 by a helper who saw only its brief: public-sector and non-profit pages
  (a city's tourism page, a museum, a library, admissions, a sports federation). Scored once
  untuned with this round's changes for sets 88-90 in place: 91.3% (no harmful line white);
  then tuned on and the verdict model trained on it;
- ``tactic_lines_tune88_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 21 by a helper who saw only its brief: car dealers, garages and home
  services: lead forms, quotes, review requests and local ads. Scored once untuned at b191e5e:
  90.7% (1 harmful line white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune89_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 21 by a helper who saw only its brief: education and kids: schools,
  tutors, kindergartens, camps and toy shops. Scored once untuned at b191e5e: 87.3% (no harmful
  line white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune90_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 21 by a helper who saw only its brief: food and drink businesses: menus,
  delivery apps, review replies, influencer visits and loyalty. Scored once untuned with this
  round's changes for set 88 in place: 94.0% (no harmful line white); then tuned on and the
  verdict model trained on it;
- ``tactic_lines_tune91_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 22 by a helper who saw only its brief: fashion, sneaker and jewellery
  sellers, ad copy quoted word for word, replicas sold as originals. Scored once untuned at
  b580544: 83.3% (2 harmful lines white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune92_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 22 by a helper who saw only its brief: banks, fintech, insurers, brokers,
  microloans and crypto: pushes, referral terms, app reviews and support scripts. Scored once
  untuned at b580544: 81.3% (2 harmful lines white); then tuned on and the verdict model
  trained on it;
- ``tactic_lines_tune93_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 22 by a helper who saw only its brief: steps and automation flows with
  arrows, dashes and quoted templates, the harm spread across them. Scored once untuned at
  b580544: 84.0% (no harmful line white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune94_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 22 by a helper who saw only its brief: games and apps: streamers, esports,
  Discord communities and app-store work. Scored once untuned at b580544: 85.3% (1 harmful
  line white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune95_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 22 by a helper who saw only its brief: hotels, tour operators, airlines
  and travel agencies. Scored once untuned with round 22a in place: 94.7% (no harmful line
  white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune96_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 22 by a helper who saw only its brief: salons, cosmetic brands and
  aesthetic clinics. Scored once untuned with round 22a in place: 94.7% (no harmful line
  white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune97_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 22 by a helper who saw only its brief: developers, estate agents,
  renovation firms and mortgage brokers. Scored once untuned with round 22a in place: 91.3% (1
  harmful line white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune98_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 22 by a helper who saw only its brief: long lines of 35-60 words holding
  three to six actions, one of them harmful. Scored once untuned with round 22a in place:
  88.7% (4 harmful lines white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune99_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 22 by a helper who saw only its brief: pharmacies, supplement shops, clinics
  and gyms, claims quoted word for word. Scored once untuned at de267f8: 92.7% (no harmful line
  white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune100_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 22 by a helper who saw only its brief: customer-service and community replies
  quoted word for word with a note around them. Scored once untuned at de267f8: 85.3% (1 harmful
  line white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune101_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 22 by a helper who saw only its brief: collection agencies, pawnshops,
  microloans, brokers and insurers. Scored once untuned at de267f8: 80.7% (4 harmful lines white);
  then tuned on and the verdict model trained on it;
- ``tactic_lines_tune102_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 22 by a helper who saw only its brief: neighbourhood groups, housing
  associations, parent committees and volunteer groups. Scored once untuned at de267f8: 80.7% (no
  harmful line white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune103_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 22 by a helper who saw only its brief: car dealers, used-car platforms,
  ride-hailing and scooter apps, rentals and driving schools. Scored once untuned at 3122c97:
  88.7% (no harmful line white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune104_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 22 by a helper who saw only its brief: B2B software and IT services:
  outreach, webinars, review sites and partner programmes. Scored once untuned at 3122c97: 80.7%
  (1 harmful line white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune105_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 22 by a helper who saw only its brief: marketplace sellers with each market's
  seller slang. Scored once untuned at 3122c97: 86.7% (no harmful line white); then tuned on and
  the verdict model trained on it;
- ``tactic_lines_tune106_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 22 by a helper who saw only its brief: very short lines of 3 to 10 words,
  English words mixed into the other languages. Scored once untuned at 3122c97: 90.0% (no harmful
  line white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune107_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 23 by a helper who saw only its brief: education: online schools, tutors, exam prep and
  admissions. Scored once untuned at 99b5f53: 84.0% (1 harmful line white); then tuned on and the
  verdict model trained on it;
- ``tactic_lines_tune108_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 23 by a helper who saw only its brief: real estate and home: developers, agents,
  rentals and renovation firms. Scored once untuned at 99b5f53: 86.7% (1 harmful line white); then
  tuned on and the verdict model trained on it;
- ``tactic_lines_tune109_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 23 by a helper who saw only its brief: food and hospitality: restaurants, delivery,
  hotels and tour operators. Scored once untuned at 99b5f53: 84.0% (1 harmful line white); then
  tuned on and the verdict model trained on it;
- ``tactic_lines_tune110_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 23 by a helper who saw only its brief: games, apps and streaming: studios, app
  launches, streamers and Discord servers. Scored once untuned at 99b5f53: 86.0% (1 harmful line
  white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune111_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 23 by a helper who saw only its brief: agency operations: blogger briefs, media plans,
  contract clauses and KPI reports. Scored once untuned at 99b5f53: 85.3% (1 harmful line white);
  then tuned on and the verdict model trained on it;
- ``tactic_lines_tune112_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 23 by a helper who saw only its brief: fashion and beauty direct-to-consumer shops:
  live selling, drops and captions. Scored once untuned at 99b5f53: 88.7% (2 harmful lines white);
  then tuned on and the verdict model trained on it;
- ``tactic_lines_tune113_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 23 by a helper who saw only its brief: fintech, insurance and crypto apps: onboarding,
  referrals, affiliates and moderation. Scored once untuned at 99b5f53: 84.7% (1 harmful line
  white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune114_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 23 by a helper who saw only its brief: charity, culture and events: ticketing,
  fundraising, sponsors and press outreach. Scored once untuned at 99b5f53: 86.7% (no harmful line
  white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune115_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 23 by a helper who saw only its brief: message texts quoted word for word inside plan
  lines, the harm inside the quotation. Scored once untuned at 4933e91: 88.0% (1 harmful line
  white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune116_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 23 by a helper who saw only its brief: ad copy and its small print: which caveat,
  disclaimer, label or condition is added or left out. Scored once untuned at 4933e91: 71.3% (13
  harmful lines white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune117_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 23 by a helper who saw only its brief: team chat with asides in brackets that say what
  is really going on behind a harmless task. Scored once untuned at 4933e91: 83.3% (2 harmful lines
  white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune118_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 23 by a helper who saw only its brief: long briefs of 25-50 words with several tasks,
  one of which may be harmful. Scored once untuned at 4933e91: 87.3% (2 harmful lines white); then
  tuned on and the verdict model trained on it;
- ``tactic_lines_tune119_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 23 by a helper who saw only its brief: rows from budget sheets and trackers with the
  columns run together. Scored once untuned at ef6632d: 86.7% (3 harmful lines white); then tuned on
  and the verdict model trained on it;
- ``tactic_lines_tune120_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 23 by a helper who saw only its brief: briefs to freelancers on marketplaces: job
  titles, tasks and acceptance criteria. Scored once untuned at ef6632d: 92.0% (1 harmful line
  white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune121_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 23 by a helper who saw only its brief: question-and-answer exchanges between a client
  and an agency or a seller and a customer. Scored once untuned at ef6632d: 81.3% (4 harmful lines
  white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune122_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 23 by a helper who saw only its brief: call-centre and sales scripts and chatbot flows
  with branches and objection handling. Scored once untuned at ef6632d: 70.0% (7 harmful lines
  white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune123_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 23 by a helper who saw only its brief: messages typed fast on a phone: no diacritics,
  Russian partly in Latin letters, typos. Scored once untuned at ef6632d: 85.3% (3 harmful lines
  white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune124_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 23 by a helper who saw only its brief: review requests and loyalty rewards with their
  conditions spelled out. Scored once untuned at d1bbeee: 70.7% (4 harmful lines white); then tuned
  on and the verdict model trained on it;
- ``tactic_lines_tune125_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 23 by a helper who saw only its brief: collection, tenant and community messages quoted
  word for word, the harm inside the quotation. Scored once untuned at d1bbeee: 77.3% (9 harmful
  lines white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune126_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 23 by a helper who saw only its brief: small shops' and creators' posts with asides in
  brackets that change what the post means. Scored once untuned at d1bbeee: 82.7% (1 harmful line
  white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune127_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 23 by a helper who saw only its brief: health, beauty and wellness claims with what the
  team adds, keeps or drops around them. Scored once untuned at d1bbeee: 71.3% (7 harmful lines
  white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune128_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 23 by a helper who saw only its brief: agency task lists and handover notes in each
  market's office jargon. Scored once untuned at d1bbeee: 97.3% (no harmful line white); then tuned
  on and the verdict model trained on it;
- ``tactic_lines_tune129_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 24 by a helper who saw only its brief: chat scripts, reply templates and
  influencer briefs that quote what staff or creators will say. Scored once untuned at 724806f:
  90.0% (3 harmful lines white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune130_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 24 by a helper who saw only its brief: stock, sales and booking posts with
  the team's own asides in brackets or after a dash. Scored once untuned at 724806f: 76.0% (2
  harmful lines white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune131_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 24 by a helper who saw only its brief: staff, owners and relatives posting
  about the business from their own accounts; star ratings, rating gating and rewards for reviews.
  Scored once untuned at 724806f: 71.3% (5 harmful lines white); then tuned on and the verdict
  model trained on it;
- ``tactic_lines_tune132_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 24 by a helper who saw only its brief: ads, landing pages and posts with
  disclaimers and small print: health, beauty, loans, investments, courses and shops. Scored once
  untuned at 724806f: 76.7% (6 harmful lines white); then tuned on and the verdict model trained
  on it;
- ``tactic_lines_tune133_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 24 by a helper who saw only its brief: everyday social media plans of every
  kind of business in each market. Scored once untuned at 724806f: 94.7% (no harmful line white);
  then tuned on and the verdict model trained on it;
- ``tactic_lines_tune134_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 24 by a helper who saw only its brief: gifts and paid collaborations with
  creators, staff and customers, the tie left unsaid in every way a team says it. Scored once
  untuned at 31b63fb: 74.0% (6 harmful lines white); then tuned on and the verdict model trained
  on it;
- ``tactic_lines_tune135_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 24 by a helper who saw only its brief: shops, preorders, holiday lets, ticket
  resale and loans that take money for nothing. Scored once untuned at 31b63fb: 87.3% (no harmful
  line white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune136_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 24 by a helper who saw only its brief: replies to reviews and messages to
  critics, journalists and rivals: veiled threats, pretended officials. Scored once untuned at
  31b63fb: 77.3% (2 harmful lines white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune137_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 24 by a helper who saw only its brief: neighbourhood, parents' and building
  chats and local groups. Scored once untuned at 31b63fb: 90.0% (1 harmful line white); then tuned
  on and the verdict model trained on it;
- ``tactic_lines_tune138_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 24 by a helper who saw only its brief: everyday plans of every kind of
  business and city service in each market. Scored once untuned at 31b63fb: 92.0% (1 harmful line
  white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune139_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 24 by a helper who saw only its brief: reports, takedown requests and
  copyright or counterfeit complaints, genuine and weaponised. Scored once untuned at 26d6c10:
  83.3% (1 harmful line white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune140_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 24 by a helper who saw only its brief: contacts and audiences for
  newsletters, CRMs and ads, with and without consent. Scored once untuned at 26d6c10: 84.0% (4
  harmful lines white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune141_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 24 by a helper who saw only its brief: sponsored posts, gifts and affiliate
  links with the label left out in casual words. Scored once untuned at 26d6c10: 81.3% (5 harmful
  lines white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune142_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 24 by a helper who saw only its brief: giveaways, contests, lotteries and
  referral campaigns, fair and rigged. Scored once untuned at 26d6c10: 81.3% (no harmful line
  white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune143_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black),
  written in session 24 by a helper who saw only its brief: everyday plans of B2B and B2C
  businesses as task lists, briefs and status notes. Scored once untuned at 26d6c10: 90.7% (no
  harmful line white); then tuned on and the verdict model trained on it;
- ``tactic_lines_tune144_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 24 by a helper who saw only its brief: health and body claims in ad copy for opticians,
  dentists, physiotherapists, hearing-aid shops, supplements and clinics, confident or careful.
  Scored once untuned at 79b7929: 80.0% (6 harmful lines white); then tuned on by phrases and rules
  only, the verdict model trained on it only since session 32;
- ``tactic_lines_tune145_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 24 by a helper who saw only its brief: creator, ambassador and fan programmes rewarding
  reports, brigading or fake reviews, or forbidding them. Scored once untuned at 79b7929: 80.7% (3
  harmful lines white); then tuned on by phrases and rules only, the verdict model trained on it
  only since session 32;
- ``tactic_lines_tune146_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 24 by a helper who saw only its brief: junior marketers' growth hacks with extensions,
  scrapers, exports and bots, with and without consent. Scored once untuned at 79b7929: 85.3% (1
  harmful line white); then tuned on by phrases and rules only, the verdict model trained on it only
  since session 32;
- ``tactic_lines_tune147_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 24 by a helper who saw only its brief: influencer briefs asking creators to hide the
  sponsorship in casual words, or requiring the label. Scored once untuned at 79b7929: 86.7% (6
  harmful lines white); then tuned on by phrases and rules only, the verdict model trained on it
  only since session 32;
- ``tactic_lines_tune148_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 24 by a helper who saw only its brief: everyday plans of small and mid-size businesses,
  NGOs and public services. Scored once untuned at 79b7929: 94.0% (no harmful line white); then
  tuned on by phrases and rules only, the verdict model trained on it only since session 32;
- ``tactic_lines_tune149_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black as
  written), written in session 25 by a helper who saw only its brief: a hotel chain's, a dentist's,
  a mobile game's, a bakery's and a school's working notes: hidden giveaway conditions, unlabelled
  influencer posts, bought map reviews, SMS to bought numbers, fake support accounts, threats to a
  reviewer. Scored once untuned at 2105af2: 92.7% (2 harmful lines white); then tuned on;
- ``tactic_lines_tune150_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black as
  written), written in session 25 by a helper who saw only its brief: a car dealer's, a yoga
  studio's, a SaaS start-up's, a pharmacy chain's and a wedding photographer's plans: engagement
  pods, unproven health claims, scraped contacts, hacked pages bought on forums, clone shops,
  blackmail. Scored once untuned at 2105af2: 87.3% (no harmful line white); then tuned on;
- ``tactic_lines_tune151_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black as
  written), written in session 25 by a helper who saw only its brief: a restaurant group's, a
  language school's, an estate agent's, an NGO's and a cosmetics reseller's notes: fake countdowns
  and stock, paid reviews, mass DMs, bank and platform impersonation, malware, leaked databases.
  Scored once untuned at 2105af2: 88.7% (2 harmful lines white); then tuned on;
- ``tactic_lines_tune152_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black as
  written), written in session 25 by a helper who saw only its brief: a football club's, a clinic's,
  an e-commerce agency's, a toy brand's and a coffee chain's plans: giveaways with a winner chosen
  in advance, undisclosed gifts to creators, bot views, mass reporting, doxxing, fake prize fees.
  Scored once untuned at 2105af2: 88.0% (2 harmful lines white); then tuned on;
- ``tactic_lines_tune153_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black as
  written), written in session 25 by a helper who saw only its brief: a travel agency's, a crypto
  exchange's, a bookshop's, a B2B software firm's and a beauty salon's notes: aged accounts and
  badges for sale, hidden affiliate links, misleading before/after photos, cold messages, fake
  collab login pages, DDoS. Scored once untuned at 2105af2: 90.7% (2 harmful lines white); then
  tuned on; Sets 150-152: 19 lines describing a draw whose winner is fixed in advance were written
  gray and relabelled black before the untuned score (the session's brief listed rigged winners
  under gray by mistake; the taxonomy's ``fake_giveaway_scam`` and 32 of the 38 such lines labelled
  earlier say black); the untuned scores above are with the black labels;
- ``tactic_lines_tune154_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 25 by a helper who saw only its brief: an optician's and a pet shop's calendars, a
  concert promoter's ticketing chat, a library's events plan, a mattress brand's affiliate notes, a
  fintech app's referral tracker: ticket resale and fake sold-outs, undisclosed affiliates, referral
  farming, a city service impersonated, stolen content, phishing. Scored once untuned at 9270dff:
  76.0% (3 harmful lines white); then tuned on by phrases and rules only, the verdict model trained
  on it only since session 32;
- ``tactic_lines_tune155_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 25 by a helper who saw only its brief: a plumber's Google Business notes, a
  kindergarten's parent-chat rules, a game studio's Discord plan, a jeweller's TikTok brief, a local
  paper's page tasks, a gym's WhatsApp campaign: bulk Google reviews, fake 'as seen on TV' badges,
  Discord raids, harvested numbers, deepfake endorsements, extortion. Scored once untuned at
  9270dff: 80.0% (no harmful line white); then tuned on by phrases and rules only, the verdict model
  trained on it only since session 32;
- ``tactic_lines_tune156_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 25 by a helper who saw only its brief: a freelance SMM manager's to-do list, an
  agency's stand-up notes, a client's voice message, an influencer's reply, an intern's questions:
  juniors' shortcuts, seniors approving or refusing them, clients pressing for fake numbers, shared
  logins, sold customer data. Scored once untuned at 9270dff: 80.7% (1 harmful line white); then
  tuned on by phrases and rules only, the verdict model trained on it only since session 32;
- ``tactic_lines_tune157_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 25 by a helper who saw only its brief: a dental chain's, a car-rental start- up's, a
  wine bar's, a course seller's and a second-hand phone shop's briefs, FAQs, reply templates and
  reports: inflated 'was' prices, guaranteed results, staff comments, refurbished phones sold as
  new, card skimming at the till, fake subsidy pages. Scored once untuned at 9270dff: 78.7% (1
  harmful line white); then tuned on by phrases and rules only, the verdict model trained on it only
  since session 32;
- ``tactic_lines_tune158_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 25 by a helper who saw only its brief: co-founders' chats, a growth consultant's audit,
  a PR agency's crisis plan, a marketplace seller's notes, a charity's volunteer briefing:
  astroturfing in neighbourhood groups, fake bad reviews of rivals, hidden sponsorship, invented
  fundraising stories, a critic's data leaked, malware as an invoice. Scored once untuned at
  9270dff: 72.7% (2 harmful lines white); then tuned on by phrases and rules only, the verdict model
  trained on it only since session 32;
- ``tactic_lines_tune159_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 25 for the categories blind sets v111-v114 found weak, by a helper who saw only its
  brief: customer follow-up flows, post-stay surveys and in-app rating prompts: review gating by
  satisfaction score, reviews for rewards, reviews by staff and relatives, and honest requests to
  everyone. Scored once untuned at 9bfd894 (set 159 in a worktree of it): 62.0% (10 harmful lines
  white); then tuned on by phrases and rules only, the verdict model trained on it only since
  session 32;
- ``tactic_lines_tune160_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 25 for the categories blind sets v111-v114 found weak, by a helper who saw only its
  brief: a mall's, a radio station's, a phone shop's, a sports club's and a cosmetics brand's draws:
  winners arranged in advance, prizes that do not exist or get 'lost in shipping', fees to claim,
  like-and-tag conditions, and fair draws. Scored once untuned at 9bfd894 (set 159 in a worktree of
  it): 78.0% (4 harmful lines white); then tuned on by phrases and rules only, the verdict model
  trained on it only since session 32;
- ``tactic_lines_tune161_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 25 for the categories blind sets v111-v114 found weak, by a helper who saw only its
  brief: lenders', telecom resellers', travel agents', online schools' and furniture stores' copy:
  fees behind asterisks, 'no credit check' claims, fake 'was' prices, subscription traps, and full
  prices shown. Scored once untuned at 9bfd894 (set 159 in a worktree of it): 76.0% (no harmful line
  white); then tuned on by phrases and rules only, the verdict model trained on it only since
  session 32;
- ``tactic_lines_tune162_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 25 for the categories blind sets v111-v114 found weak, by a helper who saw only its
  brief: a B2B agency's outbound plan, a recruiter's sourcing notes, an event organiser's follow-up,
  a sales team's tools, a coworking newsletter: e-mails pulled with extensions, badge scans used
  without consent, bought lists, sequences without opt-out, and opt-in forms. Scored once untuned at
  9bfd894 (set 159 in a worktree of it): 71.3% (11 harmful lines white); then tuned on by phrases
  and rules only, the verdict model trained on it only since session 32;
- ``tactic_lines_tune163_v7.csv``: 150 lines, 30 per language (12 white, 11 gray, 7 black), written
  in session 25 for the categories blind sets v111-v114 found weak, by a helper who saw only its
  brief: moderators' logs, support macros, safety notices, agency reports and replies to pushy
  vendors, mostly naming harms to fight them, with a vendor's offer accepted, a 'cleanup' that is
  mass reporting and a warning that is itself phishing. Scored once untuned at 9bfd894 (set 159 in a
  worktree of it): 83.3% (6 harmful lines white); then tuned on by phrases and rules only, the
  verdict model trained on it only since session 32;
- ``tactic_lines_tune164_v7.csv``: 150 lines, 30 per language (12 white, 12 gray, 6 black),
  written in session 28 for the category blind sets v143-v150 found weak, by a helper who saw
  only its brief: review requests at hotels, clinics, car services, shops, restaurants and apps,
  mostly review gating (the public link only after a happy answer, a smiley or a staff member's
  judgement, the others sent to a private form), rewards for reviews, pressure on reviewers,
  and honest requests that treat every customer alike. Scored once untuned at ebbce54: 64.7% (6
  harmful lines white); then tuned on (the verdict model trained on it);
- ``tactic_lines_tune165_v7.csv``: 150 lines, the same split, written in session 28 with
  tuning set 164 by another helper: post-purchase e-mails, salon follow-ups, a gym app, a tour
  guide's script, a pharmacy's loyalty program, a franchise's branch rules; review gating in
  every shape, giveaways without published rules, extortion of reviewers, and the same settings
  done honestly. Scored once untuned at ebbce54: 61.3% (12 harmful lines white); then tuned on
  (the verdict model trained on it);
- ``tactic_lines_tune166_v7.csv``: 150 lines, the same split, written in session 29 for
  regulated goods and claims (alcohol, vapes and prescription drugs sold by DM or courier,
  unproven cures, retouched before/after photos, fake scarcity and reference prices,
  counterfeits, forged registrations and lab results) and the same settings done lawfully.
  Scored once untuned at 0f3a7a4: 66.7% (6 harmful lines white); then tuned on (the verdict
  model trained on it);
- ``tactic_lines_tune167_v7.csv``: 150 lines, the same split, written in session 29 for
  actions against a rival dressed as moderation or community work (report waves, fake
  customer posts, brigades), aged accounts, taking over an account through recovery or an
  insider, threats and doxxing, and proper moderation and reporting. Scored once untuned at
  0f3a7a4: 72.7% (no harmful line white); then tuned on (the verdict model trained on it);
- ``tactic_lines_tune168_v7.csv``: 150 lines, the same split, written in session 29 for
  messages to people who never opted in or cannot opt out (cold e-mail and SMS without
  unsubscribe or sender, groups joined without asking, automated sequences, scraped and bought
  lists), leaked bases and impersonation, and lawful outreach. Scored once untuned at 0f3a7a4:
  83.3% (2 harmful lines white); then tuned on (the verdict model trained on it);
- ``tactic_lines_tune169_v7.csv``: 150 lines, the same split, written in session 29 for
  rewards for reviews said only in private, review gating, giveaways without published rules
  or with a purchase required, undisclosed paid posts, rigged draws and fee-asking prize
  messages, and the same settings done honestly. Scored once untuned at 0f3a7a4: 85.3% (1
  harmful line white); then tuned on (the verdict model trained on it);
- ``tactic_lines_tune170_v7.csv``: 150 lines, the same split, written in session 29 for
  safeguards removed, shrunk, delayed or left out while the rest goes on (a "results vary" or
  "not a medicine" line cut, an ad label deleted after a day, the unsubscribe link or sender
  dropped, rules unpublished, fees in small print, the age gate off), forged approvals, and the
  same settings with the safeguard kept or added. Scored once untuned at 7467c8c: 69.3% (2
  harmful lines white); then tuned on (the verdict model trained on it);
- ``tactic_lines_tune171_v7.csv``: 150 lines, the same split, written in session 29 with
  tuning set 170 by another helper: clinics, mortgage pre-rolls, a vape channel, toy unboxings,
  casino affiliates, an energy drink; required warnings, age limits, sponsor labels, licence
  numbers and promotion rules quietly skipped or hidden, fake licences, and the same done by the
  book. Scored once untuned at 7467c8c: 74.0% (7 harmful lines white); then tuned on (the
  verdict model trained on it);
- ``tactic_lines_tune172_v7.csv``: 150 lines, the same split, written in session 29 after blind sets
  v155-v162 for required checks skipped or put off while a campaign goes live (a doctor's,
  dietitian's or lawyer's sign-off that "can wait", do-not-call and opt-out registries not checked,
  consent not verified, a licence still pending), forged sign-offs and credentials, and the same
  done properly. Scored once untuned at 7cc0ec1: 68.7% (2 harmful lines white); not tuned on: the
  verdict model trained on it was not kept until session 32;
- ``tactic_lines_tune173_v7.csv``: 150 lines, the same split, written in session 29 with tuning set
  172 by another helper: contacts collected or used without their owners' consent (taken from
  LinkedIn, maps or group lists, written to after an opt-out, groups filled without asking), leaked
  data and impersonation, and lawful outreach. Scored once untuned at 7cc0ec1: 78.0% (no harmful
  line white); not tuned on: the verdict model trained on it was not kept until session 32;
- ``tactic_lines_tune174_v7.csv``: 150 lines, the same split, written in session 30 by a helper who
  saw only its brief, each white line the near twin of a harmful one (same business and words,
  differing in the detail that decides): safeguards the law or the platform requires (the ad label,
  erid, an age notice, a health warning, a caveat, fees and terms) hidden, shrunk, flashed for a
  second or deleted once live, and their near twins kept in plain view. Scored once untuned at
  5177159: 61.3% (6 harmful lines white); then tuned on;
- ``tactic_lines_tune175_v7.csv``: 150 lines, the same split, written in session 30 by a helper who
  saw only its brief, each white line the near twin of a harmful one (same business and words,
  differing in the detail that decides): required checks, approvals and licences skipped or put off
  while a campaign goes live, forged approvals and invented experts, and their near twins that wait
  for the check. Scored once untuned at 5177159: 42.0% (15 harmful lines white); then tuned on;
- ``tactic_lines_tune176_v7.csv``: 150 lines, the same split, written in session 30 by a helper who
  saw only its brief, each white line the near twin of a harmful one (same business and words,
  differing in the detail that decides): contacts and consent (scraped, bought, borrowed or leaked
  lists, registries not checked, opt-outs ignored, pre-ticked boxes) and their near twins with
  opted-in, scrubbed and logged contacts. Scored once untuned at 5177159: 70.7% (2 harmful lines
  white); then tuned on;
- ``tactic_lines_tune177_v7.csv``: 150 lines, the same split, written in session 30 by a helper who
  saw only its brief, each white line the near twin of a harmful one (same business and words,
  differing in the detail that decides): actions against a rival or a critic (mass or false reports,
  review bombing, exposing a critic, threats) and their near twins (one true report through the
  right channel, a client's attack refused, polite answers). Scored once untuned at 5177159: 67.3%
  (2 harmful lines white); then tuned on;
- ``tactic_lines_tune178_v7.csv``: 150 lines, the same split, written in session 30 by a helper who
  saw only its brief, each white line the near twin of a harmful one (same business and words,
  differing in the detail that decides): giveaways and reviews (rules unpublished, winners picked at
  will, entry tied to buying, rewarded reviews, review gating, staff reviews) and their near twins
  done by the rules. Scored once untuned at 5177159: 77.3% (no harmful line white); then tuned on;
- ``tactic_lines_tune179_v7.csv``: 150 lines, the same split, written in session 30 by a helper who
  saw only its brief, each white line the near twin of a harmful one (same business and words,
  differing in the detail that decides): everyday plans of small organisations with the shortcuts
  such teams take under pressure and a few crimes, and near twins done properly. Scored once untuned
  at 5177159: 78.7% (no harmful line white); then tuned on;
- ``tactic_lines_tune180_v7.csv``: 150 lines, the same split, written in session 30 by a helper who
  saw only its brief, near twins as in sets 174-179: white lines that name a risk only to avoid,
  refuse, report or explain it, each the twin of a harmful line that does the risky thing. Scored
  once untuned at e713cef: 82.0% (no harmful line white); not tuned on: the verdict model trained on
  it was not kept until session 32;
- ``tactic_lines_tune181_v7.csv``: as set 180, by another helper. Scored once untuned at e713cef:
  79.3% (no harmful line white); the rules not tuned on it, the verdict model trained on it since
  session 32;
- ``tactic_lines_tune182_v7.csv``: as set 180, by another helper. Scored once untuned at e713cef:
  81.3% (no harmful line white); the rules not tuned on it, the verdict model trained on it since
  session 32;
- ``tactic_lines_tune183_v7.csv``: as set 180, by another helper. Scored once untuned at e713cef:
  86.0% (no harmful line white); the rules not tuned on it, the verdict model trained on it since
  session 32;
- ``tactic_lines_tune184_v7.csv``: 150 lines, the same split, written in session 31 by a helper who
  saw only its brief, near twins as in sets 174-179: harmful lines that count on not being caught,
  told as a hope, a bet or an undo kept ready ("hopefully moderation misses it", "if anyone
  complains we delete it"), and their near twins (approval before posting, a post removed when a
  real breach is reported, a takedown procedure). Scored once untuned at b76fcd2: 78.7% (5 harmful
  lines white); the rules were tuned on it, the verdict model only since session 32;
- ``tactic_lines_tune185_v7.csv``: 150 lines, the same split, written in session 31 by a helper who
  saw only its brief, near twins as in sets 174-179: reviews and feedback flows (review gating in
  every shape, unhappy reviewers asked to delete for a discount, rewarded and staff reviews, bulk
  fake reviews) and their near twins (one link for every customer whatever the score, public
  replies, no reward tied to the rating). Scored once untuned at b76fcd2: 50.0% (4 harmful lines
  white); the rules were tuned on it, the verdict model only since session 32;
- ``tactic_lines_tune186_v7.csv``: 150 lines, the same split, written in session 31 by a helper who
  saw only its brief, near twins as in sets 174-179: outreach and consent on WhatsApp, LINE, SMS,
  Telegram and e-mail (people added to groups without asking, numbers from cards or registers, İYS,
  PDPA, RGPD or 152-FZ consent not collected, opt-outs ignored, leaked bases) and their near twins
  (opt-in, consent logged, lists scrubbed, unsubscribes honoured). Scored once untuned at b76fcd2:
  69.3% (1 harmful line white); the rules were tuned on it, the verdict model only since session 32;
- ``tactic_lines_tune187_v7.csv``: 150 lines, the same split, written in session 31 by a helper who
  saw only its brief, near twins as in sets 174-179: ordinary work in the vocabulary of growth
  hacking (boosted posts, lookalike audiences, automation, auto-replies, UGC reposted with
  permission, labelled seeding) and their harmful near twins (auto-DMs to strangers, bot engagement,
  scraped followers, unlabelled seeding, fake timers). Scored once untuned at b76fcd2: 76.7% (no
  harmful line white); the rules were tuned on it, the verdict model not (trained on since session
  32);
- ``tactic_lines_tune188_v7.csv``: 150 lines, the same split, written in session 31 by a helper who
  saw only its brief, written as the blind sets are (five businesses, anything a marketer under
  pressure might do, no focus, no twins): a pizzeria chain's app, a swimming school, a used-phone
  shop, a tax adviser, a K-pop merch store. Scored once untuned at b62ee11: 85.3% (1 harmful line
  white); the rules not tuned on it, the verdict model trained on it since session 32;
- ``tactic_lines_tune189_v7.csv``: as set 188, other businesses, by another helper. Scored once
  untuned at b62ee11: 86.7% (no harmful line white); the rules not tuned on it, the verdict model
  trained on it since session 32;
- ``tactic_lines_tune190_v7.csv``: as set 188, other businesses, by another helper. Scored once
  untuned at b62ee11: 90.7% (no harmful line white); the rules not tuned on it, the verdict model
  trained on it since session 32;
- ``tactic_lines_tune191_v7.csv``: as set 188, other businesses, by another helper. Scored once
  untuned at b62ee11: 90.0% (no harmful line white); the rules not tuned on it, the verdict model
  trained on it since session 32;
- ``tactic_lines_tune192_v7.csv``: 150 lines, 30 per language (12 white, 12 gray, 6 black), written
  in session 32 by a helper who saw only its brief, near twins: alcohol, tobacco, vapes, gambling
  and prescription drugs offered through DMs, auto-replies, bots or code words or without the age
  check, audiences built from health, religion, debts or sexual orientation, and the same done
  within the rules. Scored once untuned at 149d287: 83.3% (3 harmful lines white); then tuned on;
- ``tactic_lines_tune193_v7.csv``: 150 lines, the same split, written in session 32 by a helper who
  saw only its brief, near twins: dark patterns in e-mail, checkout and subscriptions (hidden
  unsubscribe, cancellation mazes, renewals without a reminder, fees at the last step, unbranded
  senders, boxes ticked in advance) and cards charged after cancellation. Scored once untuned at
  149d287: 61.3% (9 harmful lines white); then tuned on;
- ``tactic_lines_tune194_v7.csv``: 150 lines, the same split, written in session 32 by a helper who
  saw only its brief, written as the blind sets are (five businesses, no focus, no twins): a pet
  food subscription, a car service chain, a coworking space, a boutique hotel, a skincare
  reseller network. Scored once untuned at 149d287: 90.7% (no harmful line white); then tuned on;
- ``tactic_lines_tune195_v7.csv``: 150 lines, the same split, written in session 32 by a helper who
  saw only its brief, near twins: accounts, pages and ad accounts changing hands (hacked admin
  seats, ad accounts whose owners have not noticed, bought session cookies, farmed or rented
  accounts, shared logins) and transfers done through the platforms' own tools. Scored once
  untuned at 236294b: 72.7% (1 harmful line white); then tuned on;
- ``tactic_lines_tune196_v7.csv``: 150 lines, the same split, written in session 32 by a helper who
  saw only its brief, near twins: people in a weak position targeted on purpose (debtors, the
  elderly, widows, problem gamblers, minors) and the same services advertised responsibly.
  Scored once untuned at 236294b: 80.7% (no harmful line white); then tuned on;
- ``tactic_lines_tune197_v7.csv``: 150 lines, 20 white, 6 gray and 4 black per language, written in
  session 33 by a helper who saw only its brief: white lines that sound risky but are not (risky
  words named only to forbid, audit or warn, and plain jargon such as "hack our onboarding", "kill
  the campaign", "clone the landing page", "buy ad space"), with harmful near twins. Scored once
  untuned at a6c8ad9: 61.3% (no harmful line white; 53 of 100 white lines wrong); then tuned on;
- ``tactic_lines_tune198_v7.csv``: 150 lines, 12 white, 12 gray and 6 black per language, written
  in session 33 by a helper who saw only its brief, near twins: business assets and customer lists
  from the wrong place (hacked or withdrawn admin access bought, rented or kept, a former
  employee's login, leaked customer files, audiences from debtor, patient or partner lists) and
  the same done properly. Scored once untuned at a6c8ad9: 74.0% (1 harmful line white); then
  tuned on;
- ``tactic_lines_tune199_v7.csv``: 150 lines, 12 white, 12 gray and 6 black per language, written
  in session 33 by a helper who saw only its brief, written as the blind sets are (five
  businesses, no focus, no twins): an e-bike rental, a tea house chain, an optician, a dental
  clinic for foreign patients, a co-working space. Scored once untuned at a6c8ad9: 93.3% (no
  harmful line white); then tuned on;
- ``tactic_lines_tune200_v7.csv``: 150 lines, 16 white, 9 gray and 5 black per language, written
  in session 33 by a helper who saw only its brief: each market's everyday trade slang (white),
  and the same slang hiding bought engagement, stolen accounts and the like. Scored once untuned
  at a6c8ad9: 87.3% (no harmful line white); then tuned on;
- ``tactic_lines_tune201_v7.csv``: 150 lines, 12 white, 12 gray and 6 black per language,
  written in session 33 by a helper who saw only its brief, near twins: personal attributes used
  to pick an audience or named in the copy (residence status, asylum, welfare, disability,
  criminal record, union membership, politics, ethnicity, religion, health) and crimes on the
  same people (fake visa and benefit services, threats to report someone's status). Scored once
  untuned at 7134db6: 88.0% (3 harmful lines white); then tuned on;
- ``tactic_lines_tune202_v7.csv``: 150 lines, 12 white, 12 gray and 6 black per language, written
  in session 33 by a helper who saw only its brief, near twins: insiders and deals that skip the
  rules (platform, marketplace or map-service staff paid to remove reviews, restore accounts or
  sink a rival; deposits for goods never delivered; odometers rolled back) and the official
  routes. Scored once untuned at 7134db6: 79.3% (1 harmful line white); then tuned on;
- ``tactic_lines_tune203_v7.csv``: 150 lines, 20 white, 6 gray and 4 black per language, written in
  session 33 by a helper who saw only its brief: account security, comment moderation, compliance
  checks of ad copy and listing upkeep (white), with harmful near twins. Scored once untuned at
  7134db6: 75.3% (no harmful line white; 36 of 100 white lines wrong); then tuned on;
- ``tactic_lines_tune204_v7.csv``: 150 lines, 12 white, 12 gray and 6 black per language, written
  in session 33 by a helper who saw only its brief, near twins: health conditions turned into
  targeting (forms, CRM tags, app data) and restricted goods renamed or blurred to pass the ad
  review, with counterfeit alcohol and medicines and sold health data as the black lines. Scored
  once untuned at c54e2ab: 80.7% (6 harmful lines white); then tuned on;
- ``tactic_lines_tune205_v7.csv``: 150 lines, 12 white, 12 gray and 6 black per language, written
  in session 34 by a helper who saw only its brief, near twins: draws that need a purchase, a
  deposit or a paid booking (worded indirectly), tag-and-share conditions, winners chosen in
  advance, age filters left out, and the rule-abiding forms (free entry routes, 18+ filters, ID
  at the door). Scored once untuned at 3c9205a: 76.0% (no harmful line white); then tuned on;
- ``tactic_lines_tune206_v7.csv``: 150 lines, 20 white, 6 gray and 4 black per language, written in
  session 34 by a helper who saw only its brief: terse everyday lines of small service and trade
  businesses, many with words that sound risky out of context ("scrape the old site", "attack
  the market", "inject humour"). Scored once untuned at 3c9205a: 81.3% (no harmful line white;
  26 of 100 white lines wrong); then tuned on;
- ``tactic_lines_tune207_v7.csv``: 150 lines, 12 white, 12 gray and 6 black per language, written
  in session 34 by a helper who saw only its brief, as the blind sets are (a brewery taproom, a
  psychology centre, a vape shop, a fertility clinic, a sports bar). Scored once untuned at
  3c9205a: 88.0% (no harmful line white); then tuned on;
- ``tactic_lines_tune208_v7.csv``: 150 lines, 12 white, 12 gray and 6 black per language, written
  in session 34 by a helper who saw only its brief, as the blind sets are (a paediatric dentist,
  an auto-parts shop, a craft-beer bar, a cosmetic-surgery clinic, a gold shop). Scored once
  untuned at 3c9205a: 88.0% (no harmful line white); then tuned on;
- ``tactic_lines_tune209_v7.csv``: 150 lines, 12 white, 12 gray and 6 black per language, written
  in session 34 by a helper who saw only its brief, as the blind sets are (a supplement brand, an
  online school for children, a property developer, a repair shop, a cooking school). Scored
  once untuned at 3c9205a: 86.7% (no harmful line white); then tuned on;
- ``tactic_lines_check_v6.csv``: 100 lines written with the v6 tuning set, before any change,
  and scored only once the v6 approach was frozen: never tuned on;
- ``tactic_lines_tune_v5.csv``: 150 lines, 30 per language, written for the categories blind
  set v5 found weak (plain everyday content, lines that refuse or fight a harm, black tactics
  worded by euphemism, SMM panels, misleading claims, rigged draws); scored once untuned
  (72.0%, 3 harmful lines white), then tuned on;
- ``tactic_lines_tune2_v5.csv`` to ``tactic_lines_tune6_v5.csv``: 100 lines each, each written
  after the previous round of v5 changes and scored once untuned (56.0% with 3 harmful lines
  white; 62.0% with 7; 65.0% with 3; 65.0% with 1; 66.0% with 0), then tuned on;
- ``tactic_lines_check_v5.csv``: 100 lines written with the v5 tuning set, before any change,
  and scored only once the v5 approach was frozen: never tuned on;
- ``tactic_lines_tune_v4.csv``: 100 lines, 20 per language, written for the categories blind
  set v4 found weak (rewards for star ratings, entry fees and fake prizes, gifted posts without
  the label, support look-alikes asking for codes, lines that fight a harm); tuned on;
- ``tactic_lines_check_v4.csv``: 50 more lines written after the first v4 fixes and scored
  before any tuning on them (60.0%, 3 harmful lines white), then tuned on too;
- ``tactic_lines_check2_v4.csv``: 50 more, written after the fixes for the check set and scored
  before any tuning on them (76.0%, none white), then tuned on too;
- ``tactic_lines_check3_v4.csv``: 50 more, written last and scored before any tuning on them
  (66.0%, 2 harmful lines white; the checker before v4 scored 66.0% with 1), then tuned on too;
- ``tactic_lines_tune_v3.csv``: 71 lines in the five languages, written for the categories an
  independent blind test found weak (incentivised reviews, fake-support phishing, purchase-only
  contests, stolen accounts, lines that fight a harm or refuse it); vocabulary and bank were
  tuned on it;
- ``tactic_lines_tune_v2.csv``: written for v2 (meaning and phrases), 116 lines in English,
  Russian, French, Turkish and Thai; the thresholds, the bank and the phrases were tuned on it;
- ``tactic_lines.csv``: the labelled set, written before the engine; the indicator phrases
  were then written with it in view, so its scores are optimistic;
- ``tactic_lines_holdout.csv``: written after the first indicators; its misses then led to a
  second pass on the vocabulary, so it is no longer held out;
- ``tactic_lines_blind.csv``: written after all tuning and never used to change the engine:
  the honest estimate of how the checker does on new plans.

tests/test_tactics.py runs the same evaluation on the first two sets and fails if any gray or
black line is classed white.

``--refresh-model`` retrains the verdict model (``smmfit/tactics/verdict_model.py``) on the
example bank and every labelled set except those never trained on (``NOT_TRAINED_ON``: check
v5, check v6, tuning set 18 and the old blind set), and writes
``data/tactic_verdict_model.npz``; ``--model-loso`` prints the model's accuracy with each
training set left out of its training in turn (the honest figure); ``--model-cv SET...``
prints whether training on the given sets helps the whole checker on the other sets, five
folds each scored with the model trained on the rest, without and with them (about 20 min).
"""

from __future__ import annotations

import argparse
import csv
import re
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from bench.model_fit import fit_model
from smmfit.tactics import (
    CLASSES,
    LABELS,
    LINE_VERDICTS,
    Context,
    LineVerdict,
    ModelVerdict,
    Semantics,
    Taxonomy,
    VerdictModel,
    check_line,
    check_lines,
    check_plan,
    load_encoder,
    load_semantics,
    load_taxonomy,
    verdict_model,
    write_embeddings,
    write_verdict_model,
)

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
LABELLED = DATA / "tactic_lines.csv"
HOLDOUT = DATA / "tactic_lines_holdout.csv"
BLIND = DATA / "tactic_lines_blind.csv"
TUNE_V2 = DATA / "tactic_lines_tune_v2.csv"
TUNE_V3 = DATA / "tactic_lines_tune_v3.csv"
TUNE_V4 = DATA / "tactic_lines_tune_v4.csv"
CHECK_V4 = DATA / "tactic_lines_check_v4.csv"
CHECK2_V4 = DATA / "tactic_lines_check2_v4.csv"
CHECK3_V4 = DATA / "tactic_lines_check3_v4.csv"
TUNE_V5 = DATA / "tactic_lines_tune_v5.csv"
TUNE2_V5 = DATA / "tactic_lines_tune2_v5.csv"
TUNE3_V5 = DATA / "tactic_lines_tune3_v5.csv"
TUNE4_V5 = DATA / "tactic_lines_tune4_v5.csv"
TUNE5_V5 = DATA / "tactic_lines_tune5_v5.csv"
TUNE6_V5 = DATA / "tactic_lines_tune6_v5.csv"
CHECK_V5 = DATA / "tactic_lines_check_v5.csv"
TUNE_V6 = DATA / "tactic_lines_tune_v6.csv"
TUNE2_V6 = DATA / "tactic_lines_tune2_v6.csv"
TUNE3_V6 = DATA / "tactic_lines_tune3_v6.csv"
TUNE4_V6 = DATA / "tactic_lines_tune4_v6.csv"
TUNE5_V6 = DATA / "tactic_lines_tune5_v6.csv"
TUNE6_V6 = DATA / "tactic_lines_tune6_v6.csv"
TUNE7_V6 = DATA / "tactic_lines_tune7_v6.csv"
TUNE8_V6 = DATA / "tactic_lines_tune8_v6.csv"
TUNE9_V6 = DATA / "tactic_lines_tune9_v6.csv"
TUNE10_V6 = DATA / "tactic_lines_tune10_v6.csv"
TUNE11_V6 = DATA / "tactic_lines_tune11_v6.csv"
TUNE12_V6 = DATA / "tactic_lines_tune12_v6.csv"
TUNE13_V6 = DATA / "tactic_lines_tune13_v6.csv"
TUNE14_V6 = DATA / "tactic_lines_tune14_v6.csv"
TUNE15_V6 = DATA / "tactic_lines_tune15_v6.csv"
TUNE16_V6 = DATA / "tactic_lines_tune16_v6.csv"
TUNE17_V6 = DATA / "tactic_lines_tune17_v6.csv"
TUNE18_V6 = DATA / "tactic_lines_tune18_v6.csv"
TUNE19_V6 = DATA / "tactic_lines_tune19_v6.csv"
TUNE20_V7 = DATA / "tactic_lines_tune20_v7.csv"
TUNE21_V7 = DATA / "tactic_lines_tune21_v7.csv"
TUNE22_V7 = DATA / "tactic_lines_tune22_v7.csv"
TUNE23_V7 = DATA / "tactic_lines_tune23_v7.csv"
TUNE24_V7 = DATA / "tactic_lines_tune24_v7.csv"
TUNE25_V7 = DATA / "tactic_lines_tune25_v7.csv"
TUNE26_V7 = DATA / "tactic_lines_tune26_v7.csv"
TUNE27_V7 = DATA / "tactic_lines_tune27_v7.csv"
TUNE28_V7 = DATA / "tactic_lines_tune28_v7.csv"
TUNE29_V7 = DATA / "tactic_lines_tune29_v7.csv"
TUNE30_V7 = DATA / "tactic_lines_tune30_v7.csv"
TUNE31_V7 = DATA / "tactic_lines_tune31_v7.csv"
TUNE32_V7 = DATA / "tactic_lines_tune32_v7.csv"
TUNE33_V7 = DATA / "tactic_lines_tune33_v7.csv"
TUNE34_V7 = DATA / "tactic_lines_tune34_v7.csv"
TUNE35_V7 = DATA / "tactic_lines_tune35_v7.csv"
TUNE36_V7 = DATA / "tactic_lines_tune36_v7.csv"
TUNE37_V7 = DATA / "tactic_lines_tune37_v7.csv"
TUNE38_V7 = DATA / "tactic_lines_tune38_v7.csv"
TUNE39_V7 = DATA / "tactic_lines_tune39_v7.csv"
TUNE40_V7 = DATA / "tactic_lines_tune40_v7.csv"
TUNE41_V7 = DATA / "tactic_lines_tune41_v7.csv"
TUNE42_V7 = DATA / "tactic_lines_tune42_v7.csv"
TUNE43_V7 = DATA / "tactic_lines_tune43_v7.csv"
TUNE44_V7 = DATA / "tactic_lines_tune44_v7.csv"
TUNE45_V7 = DATA / "tactic_lines_tune45_v7.csv"
TUNE46_V7 = DATA / "tactic_lines_tune46_v7.csv"
TUNE47_V7 = DATA / "tactic_lines_tune47_v7.csv"
TUNE48_V7 = DATA / "tactic_lines_tune48_v7.csv"
TUNE49_V7 = DATA / "tactic_lines_tune49_v7.csv"
TUNE50_V7 = DATA / "tactic_lines_tune50_v7.csv"
TUNE51_V7 = DATA / "tactic_lines_tune51_v7.csv"
TUNE52_V7 = DATA / "tactic_lines_tune52_v7.csv"
TUNE53_V7 = DATA / "tactic_lines_tune53_v7.csv"
TUNE54_V7 = DATA / "tactic_lines_tune54_v7.csv"
TUNE55_V7 = DATA / "tactic_lines_tune55_v7.csv"
TUNE56_V7 = DATA / "tactic_lines_tune56_v7.csv"
TUNE57_V7 = DATA / "tactic_lines_tune57_v7.csv"
TUNE58_V7 = DATA / "tactic_lines_tune58_v7.csv"
TUNE59_V7 = DATA / "tactic_lines_tune59_v7.csv"
TUNE60_V7 = DATA / "tactic_lines_tune60_v7.csv"
TUNE61_V7 = DATA / "tactic_lines_tune61_v7.csv"
TUNE62_V7 = DATA / "tactic_lines_tune62_v7.csv"
TUNE63_V7 = DATA / "tactic_lines_tune63_v7.csv"
TUNE64_V7 = DATA / "tactic_lines_tune64_v7.csv"
TUNE65_V7 = DATA / "tactic_lines_tune65_v7.csv"
TUNE66_V7 = DATA / "tactic_lines_tune66_v7.csv"
TUNE67_V7 = DATA / "tactic_lines_tune67_v7.csv"
TUNE68_V7 = DATA / "tactic_lines_tune68_v7.csv"
TUNE69_V7 = DATA / "tactic_lines_tune69_v7.csv"
TUNE70_V7 = DATA / "tactic_lines_tune70_v7.csv"
TUNE71_V7 = DATA / "tactic_lines_tune71_v7.csv"
TUNE72_V7 = DATA / "tactic_lines_tune72_v7.csv"
TUNE73_V7 = DATA / "tactic_lines_tune73_v7.csv"
TUNE74_V7 = DATA / "tactic_lines_tune74_v7.csv"
TUNE75_V7 = DATA / "tactic_lines_tune75_v7.csv"
TUNE76_V7 = DATA / "tactic_lines_tune76_v7.csv"
TUNE77_V7 = DATA / "tactic_lines_tune77_v7.csv"
TUNE78_V7 = DATA / "tactic_lines_tune78_v7.csv"
TUNE79_V7 = DATA / "tactic_lines_tune79_v7.csv"
TUNE80_V7 = DATA / "tactic_lines_tune80_v7.csv"
TUNE81_V7 = DATA / "tactic_lines_tune81_v7.csv"
TUNE82_V7 = DATA / "tactic_lines_tune82_v7.csv"
TUNE83_V7 = DATA / "tactic_lines_tune83_v7.csv"
TUNE84_V7 = DATA / "tactic_lines_tune84_v7.csv"
TUNE85_V7 = DATA / "tactic_lines_tune85_v7.csv"
TUNE86_V7 = DATA / "tactic_lines_tune86_v7.csv"
TUNE87_V7 = DATA / "tactic_lines_tune87_v7.csv"
TUNE88_V7 = DATA / "tactic_lines_tune88_v7.csv"
TUNE89_V7 = DATA / "tactic_lines_tune89_v7.csv"
TUNE90_V7 = DATA / "tactic_lines_tune90_v7.csv"
TUNE91_V7 = DATA / "tactic_lines_tune91_v7.csv"
TUNE92_V7 = DATA / "tactic_lines_tune92_v7.csv"
TUNE93_V7 = DATA / "tactic_lines_tune93_v7.csv"
TUNE94_V7 = DATA / "tactic_lines_tune94_v7.csv"
TUNE95_V7 = DATA / "tactic_lines_tune95_v7.csv"
TUNE96_V7 = DATA / "tactic_lines_tune96_v7.csv"
TUNE97_V7 = DATA / "tactic_lines_tune97_v7.csv"
TUNE98_V7 = DATA / "tactic_lines_tune98_v7.csv"
TUNE99_V7 = DATA / "tactic_lines_tune99_v7.csv"
TUNE100_V7 = DATA / "tactic_lines_tune100_v7.csv"
TUNE101_V7 = DATA / "tactic_lines_tune101_v7.csv"
TUNE102_V7 = DATA / "tactic_lines_tune102_v7.csv"
TUNE103_V7 = DATA / "tactic_lines_tune103_v7.csv"
TUNE104_V7 = DATA / "tactic_lines_tune104_v7.csv"
TUNE105_V7 = DATA / "tactic_lines_tune105_v7.csv"
TUNE106_V7 = DATA / "tactic_lines_tune106_v7.csv"
TUNE107_V7 = DATA / "tactic_lines_tune107_v7.csv"
TUNE108_V7 = DATA / "tactic_lines_tune108_v7.csv"
TUNE109_V7 = DATA / "tactic_lines_tune109_v7.csv"
TUNE110_V7 = DATA / "tactic_lines_tune110_v7.csv"
TUNE111_V7 = DATA / "tactic_lines_tune111_v7.csv"
TUNE112_V7 = DATA / "tactic_lines_tune112_v7.csv"
TUNE113_V7 = DATA / "tactic_lines_tune113_v7.csv"
TUNE114_V7 = DATA / "tactic_lines_tune114_v7.csv"
TUNE115_V7 = DATA / "tactic_lines_tune115_v7.csv"
TUNE116_V7 = DATA / "tactic_lines_tune116_v7.csv"
TUNE117_V7 = DATA / "tactic_lines_tune117_v7.csv"
TUNE118_V7 = DATA / "tactic_lines_tune118_v7.csv"
TUNE119_V7 = DATA / "tactic_lines_tune119_v7.csv"
TUNE120_V7 = DATA / "tactic_lines_tune120_v7.csv"
TUNE121_V7 = DATA / "tactic_lines_tune121_v7.csv"
TUNE122_V7 = DATA / "tactic_lines_tune122_v7.csv"
TUNE123_V7 = DATA / "tactic_lines_tune123_v7.csv"
TUNE124_V7 = DATA / "tactic_lines_tune124_v7.csv"
TUNE125_V7 = DATA / "tactic_lines_tune125_v7.csv"
TUNE126_V7 = DATA / "tactic_lines_tune126_v7.csv"
TUNE127_V7 = DATA / "tactic_lines_tune127_v7.csv"
TUNE128_V7 = DATA / "tactic_lines_tune128_v7.csv"
TUNE129_V7 = DATA / "tactic_lines_tune129_v7.csv"
TUNE130_V7 = DATA / "tactic_lines_tune130_v7.csv"
TUNE131_V7 = DATA / "tactic_lines_tune131_v7.csv"
TUNE132_V7 = DATA / "tactic_lines_tune132_v7.csv"
TUNE133_V7 = DATA / "tactic_lines_tune133_v7.csv"
TUNE134_V7 = DATA / "tactic_lines_tune134_v7.csv"
TUNE135_V7 = DATA / "tactic_lines_tune135_v7.csv"
TUNE136_V7 = DATA / "tactic_lines_tune136_v7.csv"
TUNE137_V7 = DATA / "tactic_lines_tune137_v7.csv"
TUNE138_V7 = DATA / "tactic_lines_tune138_v7.csv"
TUNE139_V7 = DATA / "tactic_lines_tune139_v7.csv"
TUNE140_V7 = DATA / "tactic_lines_tune140_v7.csv"
TUNE141_V7 = DATA / "tactic_lines_tune141_v7.csv"
TUNE142_V7 = DATA / "tactic_lines_tune142_v7.csv"
TUNE143_V7 = DATA / "tactic_lines_tune143_v7.csv"
TUNE144_V7 = DATA / "tactic_lines_tune144_v7.csv"
TUNE145_V7 = DATA / "tactic_lines_tune145_v7.csv"
TUNE146_V7 = DATA / "tactic_lines_tune146_v7.csv"
TUNE147_V7 = DATA / "tactic_lines_tune147_v7.csv"
TUNE148_V7 = DATA / "tactic_lines_tune148_v7.csv"
TUNE149_V7 = DATA / "tactic_lines_tune149_v7.csv"
TUNE150_V7 = DATA / "tactic_lines_tune150_v7.csv"
TUNE151_V7 = DATA / "tactic_lines_tune151_v7.csv"
TUNE152_V7 = DATA / "tactic_lines_tune152_v7.csv"
TUNE153_V7 = DATA / "tactic_lines_tune153_v7.csv"
TUNE154_V7 = DATA / "tactic_lines_tune154_v7.csv"
TUNE155_V7 = DATA / "tactic_lines_tune155_v7.csv"
TUNE156_V7 = DATA / "tactic_lines_tune156_v7.csv"
TUNE157_V7 = DATA / "tactic_lines_tune157_v7.csv"
TUNE158_V7 = DATA / "tactic_lines_tune158_v7.csv"
TUNE159_V7 = DATA / "tactic_lines_tune159_v7.csv"
TUNE160_V7 = DATA / "tactic_lines_tune160_v7.csv"
TUNE161_V7 = DATA / "tactic_lines_tune161_v7.csv"
TUNE162_V7 = DATA / "tactic_lines_tune162_v7.csv"
TUNE163_V7 = DATA / "tactic_lines_tune163_v7.csv"
TUNE164_V7 = DATA / "tactic_lines_tune164_v7.csv"
TUNE165_V7 = DATA / "tactic_lines_tune165_v7.csv"
TUNE166_V7 = DATA / "tactic_lines_tune166_v7.csv"
TUNE167_V7 = DATA / "tactic_lines_tune167_v7.csv"
TUNE168_V7 = DATA / "tactic_lines_tune168_v7.csv"
TUNE169_V7 = DATA / "tactic_lines_tune169_v7.csv"
TUNE170_V7 = DATA / "tactic_lines_tune170_v7.csv"
TUNE171_V7 = DATA / "tactic_lines_tune171_v7.csv"
TUNE172_V7 = DATA / "tactic_lines_tune172_v7.csv"
TUNE173_V7 = DATA / "tactic_lines_tune173_v7.csv"
TUNE174_V7 = DATA / "tactic_lines_tune174_v7.csv"
TUNE175_V7 = DATA / "tactic_lines_tune175_v7.csv"
TUNE176_V7 = DATA / "tactic_lines_tune176_v7.csv"
TUNE177_V7 = DATA / "tactic_lines_tune177_v7.csv"
TUNE178_V7 = DATA / "tactic_lines_tune178_v7.csv"
TUNE179_V7 = DATA / "tactic_lines_tune179_v7.csv"
TUNE180_V7 = DATA / "tactic_lines_tune180_v7.csv"
TUNE181_V7 = DATA / "tactic_lines_tune181_v7.csv"
TUNE182_V7 = DATA / "tactic_lines_tune182_v7.csv"
TUNE183_V7 = DATA / "tactic_lines_tune183_v7.csv"
TUNE184_V7 = DATA / "tactic_lines_tune184_v7.csv"
TUNE185_V7 = DATA / "tactic_lines_tune185_v7.csv"
TUNE186_V7 = DATA / "tactic_lines_tune186_v7.csv"
TUNE187_V7 = DATA / "tactic_lines_tune187_v7.csv"
TUNE188_V7 = DATA / "tactic_lines_tune188_v7.csv"
TUNE189_V7 = DATA / "tactic_lines_tune189_v7.csv"
TUNE190_V7 = DATA / "tactic_lines_tune190_v7.csv"
TUNE191_V7 = DATA / "tactic_lines_tune191_v7.csv"
TUNE192_V7 = DATA / "tactic_lines_tune192_v7.csv"
TUNE193_V7 = DATA / "tactic_lines_tune193_v7.csv"
TUNE194_V7 = DATA / "tactic_lines_tune194_v7.csv"
TUNE195_V7 = DATA / "tactic_lines_tune195_v7.csv"
TUNE196_V7 = DATA / "tactic_lines_tune196_v7.csv"
TUNE197_V7 = DATA / "tactic_lines_tune197_v7.csv"
TUNE198_V7 = DATA / "tactic_lines_tune198_v7.csv"
TUNE199_V7 = DATA / "tactic_lines_tune199_v7.csv"
TUNE200_V7 = DATA / "tactic_lines_tune200_v7.csv"
TUNE201_V7 = DATA / "tactic_lines_tune201_v7.csv"
TUNE202_V7 = DATA / "tactic_lines_tune202_v7.csv"
TUNE203_V7 = DATA / "tactic_lines_tune203_v7.csv"
TUNE204_V7 = DATA / "tactic_lines_tune204_v7.csv"
TUNE205_V7 = DATA / "tactic_lines_tune205_v7.csv"
TUNE206_V7 = DATA / "tactic_lines_tune206_v7.csv"
TUNE207_V7 = DATA / "tactic_lines_tune207_v7.csv"
TUNE208_V7 = DATA / "tactic_lines_tune208_v7.csv"
TUNE209_V7 = DATA / "tactic_lines_tune209_v7.csv"
CHECK_V6 = DATA / "tactic_lines_check_v6.csv"


@dataclass(frozen=True)
class Labelled:
    """A plan line with the verdict a person gave it, and the context it was judged in."""

    line: str
    expected: LineVerdict
    platform: str | None
    region: str | None
    language: str

    @property
    def context(self) -> Context:
        return Context(platform=self.platform, region=self.region)


@dataclass(frozen=True)
class Outcome:
    item: Labelled
    got: LineVerdict


@dataclass(frozen=True)
class Scores:
    """Precision and recall per verdict, and the outcomes behind them."""

    outcomes: tuple[Outcome, ...]

    def precision(self, verdict: LineVerdict) -> float | None:
        predicted = [o for o in self.outcomes if o.got == verdict]
        if not predicted:
            return None
        return sum(o.item.expected == verdict for o in predicted) / len(predicted)

    def recall(self, verdict: LineVerdict) -> float | None:
        actual = [o for o in self.outcomes if o.item.expected == verdict]
        if not actual:
            return None
        return sum(o.got == verdict for o in actual) / len(actual)

    def support(self, verdict: LineVerdict) -> int:
        return sum(o.item.expected == verdict for o in self.outcomes)

    @property
    def accuracy(self) -> float:
        return sum(o.got == o.item.expected for o in self.outcomes) / len(self.outcomes)

    @property
    def misses(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.got != o.item.expected)

    @property
    def unsafe(self) -> tuple[Outcome, ...]:
        """Gray or black lines classed white: the one mistake the checker must never make."""
        return tuple(
            o for o in self.outcomes if o.item.expected in ("gray", "black") and o.got == "white"
        )


def _platform_id(written: str) -> str | None:
    """A set's platform as an id: "Yandex Maps" -> "yandex_maps" (tuning set 29 wrote it with a
    space, and the bench stopped on it). An id the product does not track is simply unknown
    to the rules, as for a user."""
    return re.sub(r"[^a-z0-9_]+", "_", written.strip().lower()).strip("_") or None


def load_labelled(path: Path = LABELLED) -> list[Labelled]:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    items = []
    for row in rows:
        expected = row["expected"]
        if expected not in LINE_VERDICTS:
            raise ValueError(f"{path.name}: {row['line']!r} has unknown verdict {expected!r}")
        items.append(
            Labelled(
                line=row["line"],
                expected=expected,
                platform=_platform_id(row["platform"]),
                region=row["region"] or None,
                language=row["language"],
            )
        )
    return items


def evaluate(
    items: list[Labelled], taxonomy: Taxonomy, semantics: Semantics | None = None
) -> Scores:
    """Each line checked in its own context; with ``semantics``, embedded in one batch."""
    results = check_lines([(item.line, item.context) for item in items], taxonomy, semantics)
    return Scores(
        tuple(Outcome(item, result.verdict) for item, result in zip(items, results, strict=True))
    )


def confusion(scores: Scores) -> str:
    """Per language: accuracy, harmful lines classed white, and expected x got counts."""
    short = {"white": "wh", "gray": "gr", "black": "bl", "unrecognized": "un"}
    languages = sorted({o.item.language for o in scores.outcomes})
    header = "".join(f"{'->' + short[v]:>5}" for v in LINE_VERDICTS)
    lines = [f"{'language':<9}{'expected':<9}{header}{'lines':>7}{'right':>8}{'unsafe':>8}"]
    for language in languages:
        own = [o for o in scores.outcomes if o.item.language == language]
        right = sum(o.got == o.item.expected for o in own) / len(own)
        unsafe = sum(o.item.expected in ("gray", "black") and o.got == "white" for o in own)
        first = True
        for expected in LINE_VERDICTS:
            rows = [o for o in own if o.item.expected == expected]
            if not rows:
                continue
            counts = "".join(f"{sum(o.got == v for o in rows):>5}" for v in LINE_VERDICTS)
            tail = f"{len(own):>7}{right:>8.0%}{unsafe:>8}" if first else ""
            lines.append(f"{language if first else '':<9}{expected:<9}{counts}{tail}")
            first = False
    return "\n".join(lines)


def _percent(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:6.1%}"


def format_scores(scores: Scores) -> str:
    """A table of precision and recall per verdict, then the misses."""
    lines = [
        f"tactic checker on {len(scores.outcomes)} labelled lines "
        f"(accuracy {scores.accuracy:.1%}, gray or black classed white: {len(scores.unsafe)})",
        f"{'verdict':<14}{'lines':>6}{'precision':>11}{'recall':>9}",
    ]
    for verdict in LINE_VERDICTS:
        lines.append(
            f"{verdict:<14}{scores.support(verdict):>6}"
            f"{_percent(scores.precision(verdict)):>11}{_percent(scores.recall(verdict)):>9}"
        )
    if scores.misses:
        lines.append("misclassified (expected -> got):")
        for outcome in scores.misses:
            context = ", ".join(filter(None, (outcome.item.platform, outcome.item.region)))
            where = f" [{context}]" if context else ""
            lines.append(
                f"  {outcome.item.expected:>12} -> {outcome.got:<12} {outcome.item.line}{where}"
            )
    return "\n".join(lines)


def _report(title: str, path: Path, taxonomy: Taxonomy, semantics: Semantics | None) -> Scores:
    scores = evaluate(load_labelled(path), taxonomy, semantics)
    print(f"== {title}: {path.name}")
    print(format_scores(scores))
    print(confusion(scores))
    print()
    return scores


def _timings(taxonomy: Taxonomy, semantics: Semantics | None) -> None:
    lines = [item.line for item in load_labelled(TUNE_V2) + load_labelled()][:100]
    plan = "\n".join(lines)
    check_plan(plan, taxonomy, semantics=semantics)  # warm
    runs = []
    for _ in range(5):
        begin = time.perf_counter()
        check_plan(plan, taxonomy, semantics=semantics)
        runs.append(time.perf_counter() - begin)
    print(f"check a {len(lines)}-line plan (median of 5, warm): {statistics.median(runs):.2f} s")
    timings = []
    for line in lines[:30]:
        begin = time.perf_counter()
        check_line(line, taxonomy, semantics=semantics)
        timings.append(time.perf_counter() - begin)
    print(f"check one line on its own (median, warm): {statistics.median(timings) * 1000:.1f} ms")


# Never trained on: they stay honest checks of the whole checker, model included. Tuning set
# 18's phrases were tuned on it after its one untuned score; the model has not seen it.
NOT_TRAINED_ON = (
    "tactic_lines_check_v5.csv",
    "tactic_lines_check_v6.csv",
    "tactic_lines_tune18_v6.csv",
    # The sets of rounds 24d, 25b, 25c, 29c, 30c and 31 (144-148, 154-163, 172-173, 180-191)
    # were kept out too, each time because the model trained on them read the older sets
    # worse in sample. Session 32 asked the question out of sample, with the solver run to
    # convergence (``bench.model_fit.FIT_TOLERANCE``): the older sets split in five, each
    # fifth scored by the whole checker with the model trained on the other four, with and
    # without the kept-out sets. With 172-173 and 180-191: 4,036 -> 3,986 of 27,760 lines
    # wrong, harmful lines white 55 -> 51; then with 144-148 and 154-163 as well: 4,452 ->
    # 4,368 of 29,860, 55 -> 55. Half of each group trained read the other half better too
    # (428 -> 421 of 2,100; 164 -> 155 of 1,200). The in-sample comparisons had mixed what
    # the sets taught with where the solver stopped; all are trained on since.
    BLIND.name,
)
# Inverse regularisation strength of the n-gram model, chosen leave-one-set-out (C 10 and 30:
# 88.6% and 88.7% of lines right, 90.9% and 91.2% of the sets never trained on, with 0 and 1
# harmful line there at P(white) >= 0.95; 10 is the safer).
MODEL_C = 10.0
# How much more a gray or black training line counts than a white one (``bench.model_fit``):
# 2 since session 27, chosen on replayed blind readings (``python -m bench.replay``: the model
# refitted at each of 13 commits on that commit's own lines, 65 untuned sets, 9,750 lines). With
# session 26's levels, against weight 1 (1,558 wrong, 64 harmful lines white): weight 1.5,
# +31 wrong and -7 harmful white; 2, +48 and -15; 3, +107 and -18; C 3 instead of 10, +313 and
# -21. With 2 the model reads every line a little more harmful, so two of the checker's levels
# moved with it (MODEL_CHECK 0.25, SAFE 0.5; see MODEL_CHECK's note): +32 wrong, -15 harmful
# white. A harmful line a new plan slips through costs more than a white line sent to a check
# by hand, and the fit now says so, as the checker's rules do. With weight 2, C 5 / 20 / 30:
# 1,751 / 1,513 / 1,453 wrong and 44 / 74 / 86 harmful white (C 10: 1,590 and 49), a worse trade
# than the levels give (about 6-7 lines wrong per harmful line), so C stays 10.
MODEL_HARMFUL_WEIGHT = 2.0


# Every labelled set the bench reports, newest first within each family, with what it was
# written for and whether it was tuned on (a test checks that none in ``DATA`` is left out).
REPORTED_SETS: tuple[tuple[str, Path], ...] = (
    ("check set v6 (written before the v6 changes; never tuned on)", CHECK_V6),
    ("tuning set v6 (written for blind v6/v7's weak categories; tuned on)", TUNE_V6),
    ("tuning set 2 v6 (scored once untuned, then tuned on)", TUNE2_V6),
    ("tuning set 3 v6 (scored once untuned, then tuned on)", TUNE3_V6),
    ("tuning set 4 v6 (scored once untuned, then tuned on)", TUNE4_V6),
    ("tuning set 5 v6 (scored once untuned, then tuned on)", TUNE5_V6),
    ("tuning set 6 v6 (scored once untuned, then tuned on)", TUNE6_V6),
    ("tuning set 7 v6 (scored once untuned, then tuned on)", TUNE7_V6),
    ("tuning set 8 v6 (written for blind v8's misses; scored once untuned)", TUNE8_V6),
    ("tuning set 9 v6 (blind v8's remaining misses; scored once untuned)", TUNE9_V6),
    ("tuning set 10 v6 (fresh wording after round 8's first changes)", TUNE10_V6),
    ("tuning set 11 v6 (fresh wording after the tuning-10 changes)", TUNE11_V6),
    ("tuning set 12 v6 (everyday lines, after the tuning-11 changes)", TUNE12_V6),
    ("tuning set 13 v6 (bullets and client replies, after tuning 12)", TUNE13_V6),
    ("tuning set 14 v6 (giveaway rules and review replies, after tuning 13)", TUNE14_V6),
    ("tuning set 15 v6 (blind v9's categories, working documents)", TUNE15_V6),
    ("tuning set 16 v6 (blind v11's categories, organisation documents)", TUNE16_V6),
    ("tuning set 17 v6 (fresh wording after the tuning-16 changes)", TUNE17_V6),
    ("tuning set 18 v6 (fresh wording after tuning 17; the model has not seen it)", TUNE18_V6),
    ("tuning set 19 v6 (session 11; the verdict model trained on it)", TUNE19_V6),
    ("tuning set 20 v7 (session 12; harm inside ordinary work, crisis plans)", TUNE20_V7),
    ("tuning set 21 v7 (session 12; short chat lines and notes)", TUNE21_V7),
    ("tuning set 22 v7 (session 12; media-plan rows, minutes, compliance)", TUNE22_V7),
    ("tuning set 23 v7 (session 12; plans of several items, threats over data)", TUNE23_V7),
    ("tuning set 24 v7 (session 13; long plans, negated consent, bribes)", TUNE24_V7),
    ("tuning set 25 v7 (session 13; warnings, IT and legal work, routine harm)", TUNE25_V7),
    ("tuning set 26 v7 (session 13; harm said casually in handovers)", TUNE26_V7),
    ("tuning set 27 v7 (session 14; price lists, rate cards, marketplace chats)", TUNE27_V7),
    ("tuning set 28 v7 (session 15; one harmful item hidden in a long list)", TUNE28_V7),
    ("tuning set 29 v7 (session 15; chain bait, chats, harm as a plan's last item)", TUNE29_V7),
    ("tuning set 30 v7 (session 15; casual account takeover, data from an old job)", TUNE30_V7),
    ("tuning set 31 v7 (session 16; euphemisms, loanword grammar, bans waved away)", TUNE31_V7),
    ("tuning set 32 v7 (session 16; one jargon step inside a long plan)", TUNE32_V7),
    ("tuning set 33 v7 (session 16; accounts and access in each market's slang)", TUNE33_V7),
    ("tuning set 34 v7 (session 16; critics doxxed politely, guaranteed claims)", TUNE34_V7),
    ("tuning set 35 v7 (session 16; fees for prizes that do not exist, spyware)", TUNE35_V7),
    ("tuning set 36 v7 (session 17; rented ad accounts, threats, Ponzi pools)", TUNE36_V7),
    ("tuning set 37 v7 (session 17; fake shops, copied sign-ins, codes, trackers)", TUNE37_V7),
    ("tuning set 38 v7 (session 17; notices and refusals, lookalike shops)", TUNE38_V7),
    (
        "tuning set 39 v7 (session 17; posed tax and bank messages, lookalike domains)",
        TUNE39_V7,
    ),
    ("tuning set 40 v7 (session 17; 'either ... or' threats, 'or no discount')", TUNE40_V7),
    ("tuning set 41 v7 (session 17; offers turned down, lookalike clearance sites)", TUNE41_V7),
    ("tuning set 42 v7 (session 18; prize taxes, notices posed as an authority)", TUNE42_V7),
    ("tuning set 43 v7 (session 18; credentials under a pretext, declined offers)", TUNE43_V7),
    ("tuning set 44 v7 (session 18; white work misread: review replies, rewrites)", TUNE44_V7),
    ("tuning set 45 v7 (session 18; posed official pages, claims 'without pain')", TUNE45_V7),
    ("tuning set 46 v7 (session 18; scarcity banners, honest review requests)", TUNE46_V7),
    ("tuning set 47 v7 (session 18; brand pages selling our goods, 'even when')", TUNE47_V7),
    ("tuning set 48 v7 (session 19; everyday work misread, 'only today' banners)", TUNE48_V7),
    ("tuning set 49 v7 (session 19; posed official pages, 'never again' claims)", TUNE49_V7),
    ("tuning set 50 v7 (session 19; black said as routine: codes, prepayment)", TUNE50_V7),
    ("tuning set 51 v7 (session 19; everyday white work, parent chats)", TUNE51_V7),
    ("tuning set 52 v7 (session 19; each market's slang, card data kept)", TUNE52_V7),
    ("tuning set 53 v7 (session 19; policies that name a harm to forbid it)", TUNE53_V7),
    (
        "tuning set 54 v7 (session 19; offers refused or sent to spam, labels required)",
        TUNE54_V7,
    ),
    ("tuning set 55 v7 (session 20; one harmful step inside a weekly plan)", TUNE55_V7),
    ("tuning set 56 v7 (session 20; harm said as a vendor's routine in chats)", TUNE56_V7),
    ("tuning set 57 v7 (session 20; automations, imports, extensions, ad ops)", TUNE57_V7),
    ("tuning set 58 v7 (session 20; ordinary work in words that sound risky)", TUNE58_V7),
    (
        "tuning set 59 v7 (session 20; disputes, debts, fundraising: black as routine)",
        TUNE59_V7,
    ),
    (
        "tuning set 60 v7 (session 20; freelancers' price lists and each market's slang)",
        TUNE60_V7,
    ),
    ("tuning set 61 v7 (session 20; what the checker cleared leave-one-set-out)", TUNE61_V7),
    ("tuning set 62 v7 (session 20; casual owner chats, live selling, group posts)", TUNE62_V7),
    (
        "tuning set 63 v7 (session 20; short white lines that name a risk to refuse it)",
        TUNE63_V7,
    ),
    (
        "tuning set 64 v7 (session 20; minutes, proposals, post-mortems, support macros)",
        TUNE64_V7,
    ),
    ("tuning set 65 v7 (session 20; frauds by negation, borrowed ad accounts)", TUNE65_V7),
    ("tuning set 66 v7 (session 20; harms in a subordinate clause)", TUNE66_V7),
    ("tuning set 67 v7 (session 21; claims, pay-then-nothing, ban work-arounds)", TUNE67_V7),
    ("tuning set 68 v7 (session 21; agency jargon and euphemisms)", TUNE68_V7),
    ("tuning set 69 v7 (session 21; harms as conditions and exceptions)", TUNE69_V7),
    ("tuning set 70 v7 (session 21; retrospectives and audits)", TUNE70_V7),
    ("tuning set 71 v7 (session 21; orders in owner-freelancer chats)", TUNE71_V7),
    ("tuning set 72 v7 (session 21; marketplace sellers)", TUNE72_V7),
    ("tuning set 73 v7 (session 21; local media and PR)", TUNE73_V7),
    ("tuning set 74 v7 (session 21; B2B outreach)", TUNE74_V7),
    ("tuning set 75 v7 (session 21; slang in twelve cities)", TUNE75_V7),
    ("tuning set 76 v7 (session 21; contests, referrals, prices, countdowns)", TUNE76_V7),
    ("tuning set 77 v7 (session 21; crises answered the wrong way)", TUNE77_V7),
    ("tuning set 78 v7 (session 21; creator and UGC programmes)", TUNE78_V7),
    ("tuning set 79 v7 (session 21; admins' daily checklists)", TUNE79_V7),
    ("tuning set 80 v7 (session 21; performance marketing)", TUNE80_V7),
    ("tuning set 81 v7 (session 21; community management)", TUNE81_V7),
    ("tuning set 82 v7 (session 21; short informal lines)", TUNE82_V7),
    ("tuning set 83 v7 (session 21; professional services)", TUNE83_V7),
    ("tuning set 84 v7 (session 21; events and hospitality)", TUNE84_V7),
    ("tuning set 85 v7 (session 21; health and wellness claims)", TUNE85_V7),
    ("tuning set 86 v7 (session 21; small online shops)", TUNE86_V7),
    ("tuning set 87 v7 (session 21; public sector and non-profits)", TUNE87_V7),
    ("tuning set 88 v7 (session 21; car and home services)", TUNE88_V7),
    ("tuning set 89 v7 (session 21; education and kids)", TUNE89_V7),
    ("tuning set 90 v7 (session 21; food and drink)", TUNE90_V7),
    ("tuning set 91 v7 (session 22; fashion and resale, quoted copy)", TUNE91_V7),
    ("tuning set 92 v7 (session 22; money services)", TUNE92_V7),
    ("tuning set 93 v7 (session 22; steps, arrows and quoted templates)", TUNE93_V7),
    ("tuning set 94 v7 (session 22; games and apps)", TUNE94_V7),
    ("tuning set 95 v7 (session 22; travel and tourism)", TUNE95_V7),
    ("tuning set 96 v7 (session 22; beauty and cosmetics)", TUNE96_V7),
    ("tuning set 97 v7 (session 22; real estate and building)", TUNE97_V7),
    ("tuning set 98 v7 (session 22; long lines, one harmful action)", TUNE98_V7),
    ("tuning set 99 v7 (session 22; health claims quoted)", TUNE99_V7),
    ("tuning set 100 v7 (session 22; quoted replies)", TUNE100_V7),
    ("tuning set 101 v7 (session 22; money and debt)", TUNE101_V7),
    ("tuning set 102 v7 (session 22; community groups)", TUNE102_V7),
    ("tuning set 103 v7 (session 22; cars and mobility)", TUNE103_V7),
    ("tuning set 104 v7 (session 22; B2B software)", TUNE104_V7),
    ("tuning set 105 v7 (session 22; marketplace sellers)", TUNE105_V7),
    ("tuning set 106 v7 (session 22; very short lines)", TUNE106_V7),
    ("tuning set 107 v7 (session 23; education)", TUNE107_V7),
    ("tuning set 108 v7 (session 23; real estate and home)", TUNE108_V7),
    ("tuning set 109 v7 (session 23; food and hospitality)", TUNE109_V7),
    ("tuning set 110 v7 (session 23; games, apps and streaming)", TUNE110_V7),
    ("tuning set 111 v7 (session 23; agency operations)", TUNE111_V7),
    ("tuning set 112 v7 (session 23; fashion and beauty shops)", TUNE112_V7),
    ("tuning set 113 v7 (session 23; fintech and crypto apps)", TUNE113_V7),
    ("tuning set 114 v7 (session 23; charity, culture and events)", TUNE114_V7),
    ("tuning set 115 v7 (session 23; quoted messages)", TUNE115_V7),
    ("tuning set 116 v7 (session 23; caveats left out)", TUNE116_V7),
    ("tuning set 117 v7 (session 23; asides)", TUNE117_V7),
    ("tuning set 118 v7 (session 23; long briefs)", TUNE118_V7),
    ("tuning set 119 v7 (session 23; budget rows)", TUNE119_V7),
    ("tuning set 120 v7 (session 23; freelancer briefs)", TUNE120_V7),
    ("tuning set 121 v7 (session 23; questions and answers)", TUNE121_V7),
    ("tuning set 122 v7 (session 23; call scripts)", TUNE122_V7),
    ("tuning set 123 v7 (session 23; hasty typing)", TUNE123_V7),
    ("tuning set 124 v7 (session 23; review rewards)", TUNE124_V7),
    ("tuning set 125 v7 (session 23; quoted notices)", TUNE125_V7),
    ("tuning set 126 v7 (session 23; posts with asides)", TUNE126_V7),
    ("tuning set 127 v7 (session 23; wellness claims)", TUNE127_V7),
    ("tuning set 128 v7 (session 23; agency jargon)", TUNE128_V7),
    ("tuning set 129 v7 (session 24; quoted scripts)", TUNE129_V7),
    ("tuning set 130 v7 (session 24; asides on scarcity)", TUNE130_V7),
    ("tuning set 131 v7 (session 24; staff posts, ratings)", TUNE131_V7),
    ("tuning set 132 v7 (session 24; small print)", TUNE132_V7),
    ("tuning set 133 v7 (session 24; everyday plans)", TUNE133_V7),
    ("tuning set 134 v7 (session 24; ties left unsaid)", TUNE134_V7),
    ("tuning set 135 v7 (session 24; money for nothing)", TUNE135_V7),
    ("tuning set 136 v7 (session 24; veiled threats)", TUNE136_V7),
    ("tuning set 137 v7 (session 24; community chats)", TUNE137_V7),
    ("tuning set 138 v7 (session 24; everyday plans)", TUNE138_V7),
    ("tuning set 139 v7 (session 24; reports as weapons)", TUNE139_V7),
    ("tuning set 140 v7 (session 24; contacts and consent)", TUNE140_V7),
    ("tuning set 141 v7 (session 24; labels left out)", TUNE141_V7),
    ("tuning set 142 v7 (session 24; giveaways)", TUNE142_V7),
    ("tuning set 143 v7 (session 24; everyday plans)", TUNE143_V7),
    ("tuning set 144 v7 (session 24; health claims)", TUNE144_V7),
    ("tuning set 145 v7 (session 24; rewarded reports)", TUNE145_V7),
    ("tuning set 146 v7 (session 24; scrapers and exports)", TUNE146_V7),
    ("tuning set 147 v7 (session 24; hidden sponsorship)", TUNE147_V7),
    ("tuning set 148 v7 (session 24; everyday plans)", TUNE148_V7),
    ("tuning set 149 v7 (session 25; hotels, dentists, schools)", TUNE149_V7),
    ("tuning set 150 v7 (session 25; forum-bought pages, pods)", TUNE150_V7),
    ("tuning set 151 v7 (session 25; impostors, leaked bases)", TUNE151_V7),
    ("tuning set 152 v7 (session 25; rigged draws, doxxing)", TUNE152_V7),
    ("tuning set 153 v7 (session 25; forged licences, aged accounts)", TUNE153_V7),
    ("tuning set 154 v7 (session 25; tickets, referrals, affiliates)", TUNE154_V7),
    ("tuning set 155 v7 (session 25; badges, raids, bulk reviews)", TUNE155_V7),
    ("tuning set 156 v7 (session 25; juniors' shortcuts)", TUNE156_V7),
    ("tuning set 157 v7 (session 25; card skimming, refurbished as new)", TUNE157_V7),
    ("tuning set 158 v7 (session 25; astroturfing, charity fraud)", TUNE158_V7),
    ("tuning set 159 v7 (session 25; review gating by score)", TUNE159_V7),
    ("tuning set 160 v7 (session 25; draws arranged in advance)", TUNE160_V7),
    ("tuning set 161 v7 (session 25; fees in small print)", TUNE161_V7),
    ("tuning set 162 v7 (session 25; scraped and bought contacts)", TUNE162_V7),
    ("tuning set 163 v7 (session 25; fights that hide a harm)", TUNE163_V7),
    ("tuning set 164 v7 (session 28; review gating)", TUNE164_V7),
    ("tuning set 165 v7 (session 28; review requests, giveaway rules)", TUNE165_V7),
    ("tuning set 166 v7 (session 29; regulated goods and claims)", TUNE166_V7),
    ("tuning set 167 v7 (session 29; rivals and moderation)", TUNE167_V7),
    ("tuning set 168 v7 (session 29; consent and opt-out)", TUNE168_V7),
    ("tuning set 169 v7 (session 29; rewarded reviews, giveaways)", TUNE169_V7),
    ("tuning set 170 v7 (session 29; safeguards cut or hidden)", TUNE170_V7),
    ("tuning set 171 v7 (session 29; warnings and age limits skipped)", TUNE171_V7),
    ("tuning set 172 v7 (session 29; checks and sign-offs put off)", TUNE172_V7),
    ("tuning set 173 v7 (session 29; contacts without consent)", TUNE173_V7),
    ("tuning set 174 v7 (session 30; safeguards hidden, near twins)", TUNE174_V7),
    ("tuning set 175 v7 (session 30; checks put off, near twins)", TUNE175_V7),
    ("tuning set 176 v7 (session 30; contacts and consent, near twins)", TUNE176_V7),
    ("tuning set 177 v7 (session 30; actions against rivals, near twins)", TUNE177_V7),
    ("tuning set 178 v7 (session 30; giveaways and reviews, near twins)", TUNE178_V7),
    ("tuning set 179 v7 (session 30; everyday shortcuts, near twins)", TUNE179_V7),
    ("tuning set 180 v7 (session 30; risks named to avoid them, near twins)", TUNE180_V7),
    ("tuning set 181 v7 (session 30; risks named to avoid them, near twins)", TUNE181_V7),
    ("tuning set 182 v7 (session 30; risks named to avoid them, near twins)", TUNE182_V7),
    ("tuning set 183 v7 (session 30; risks named to avoid them, near twins)", TUNE183_V7),
    ("tuning set 184 v7 (session 31; counting on not being caught, near twins)", TUNE184_V7),
    ("tuning set 185 v7 (session 31; reviews and feedback flows, near twins)", TUNE185_V7),
    ("tuning set 186 v7 (session 31; outreach and consent, near twins)", TUNE186_V7),
    ("tuning set 187 v7 (session 31; growth-hacking words, near twins)", TUNE187_V7),
    ("tuning set 188 v7 (session 31; written as the blind sets are)", TUNE188_V7),
    ("tuning set 189 v7 (session 31; written as the blind sets are)", TUNE189_V7),
    ("tuning set 190 v7 (session 31; written as the blind sets are)", TUNE190_V7),
    ("tuning set 191 v7 (session 31; written as the blind sets are)", TUNE191_V7),
    ("tuning set 192 v7 (session 32; restricted goods and sensitive data, near twins)", TUNE192_V7),
    ("tuning set 193 v7 (session 32; dark patterns and charges, near twins)", TUNE193_V7),
    ("tuning set 194 v7 (session 32; written as the blind sets are)", TUNE194_V7),
    ("tuning set 195 v7 (session 32; accounts changing hands, near twins)", TUNE195_V7),
    ("tuning set 196 v7 (session 32; people in a weak position, near twins)", TUNE196_V7),
    ("tuning set 197 v7 (session 33; white lines that sound risky, near twins)", TUNE197_V7),
    ("tuning set 198 v7 (session 33; assets and lists from elsewhere, near twins)", TUNE198_V7),
    ("tuning set 199 v7 (session 33; written as the blind sets are)", TUNE199_V7),
    ("tuning set 200 v7 (session 33; each market's trade slang)", TUNE200_V7),
    ("tuning set 201 v7 (session 33; personal attributes, near twins)", TUNE201_V7),
    ("tuning set 202 v7 (session 33; insiders and deals, near twins)", TUNE202_V7),
    ("tuning set 203 v7 (session 33; security, moderation, listings)", TUNE203_V7),
    ("tuning set 204 v7 (session 33; health targeting, renamed goods)", TUNE204_V7),
    ("tuning set 205 v7 (session 34; draws, deposits, age filters)", TUNE205_V7),
    ("tuning set 206 v7 (session 34; terse lines of trades and services)", TUNE206_V7),
    ("tuning set 207 v7 (session 34; written as the blind sets are)", TUNE207_V7),
    ("tuning set 208 v7 (session 34; written as the blind sets are)", TUNE208_V7),
    ("tuning set 209 v7 (session 34; written as the blind sets are)", TUNE209_V7),
    ("check set v5 (never tuned on in v5; one rule since)", CHECK_V5),
    ("tuning set v5 (written for blind v5's weak categories; tuned on)", TUNE_V5),
    ("tuning set 2 v5 (scored once untuned, then tuned on)", TUNE2_V5),
    ("tuning set 3 v5 (scored once untuned, then tuned on)", TUNE3_V5),
    ("tuning set 4 v5 (scored once untuned, then tuned on)", TUNE4_V5),
    ("tuning set 5 v5 (scored once untuned, then tuned on)", TUNE5_V5),
    ("tuning set 6 v5 (scored once untuned, then tuned on)", TUNE6_V5),
    ("tuning set v4 (written for blind v4's weak categories; tuned on)", TUNE_V4),
    ("check set v4 (scored once untuned, then tuned on)", CHECK_V4),
    ("check set 2 v4 (scored once untuned, then tuned on)", CHECK2_V4),
    ("check set 3 v4 (scored once untuned, then tuned on)", CHECK3_V4),
    ("tuning set v3 (written for the blind test's weak categories; tuned on)", TUNE_V3),
    ("tuning set v2 (written for v2; tuned on)", TUNE_V2),
    ("labelled set (written first; indicators written with it in view)", LABELLED),
    ("holdout set (its misses drove a second vocabulary pass)", HOLDOUT),
    ("old blind set (v1's honest estimate; v2 never tuned on it)", BLIND),
)


def model_training_sets() -> list[Path]:
    return sorted(p for p in DATA.glob("tactic_lines*.csv") if p.name not in NOT_TRAINED_ON)


def model_training_lines(
    taxonomy: Taxonomy, semantics: Semantics
) -> list[tuple[str, ModelVerdict, str]]:
    """(line, verdict, set) to train on: the bank (protective and neutral examples count as
    white, a tactic's at its default verdict) and each labelled line with a known verdict."""
    lines: list[tuple[str, ModelVerdict, str]] = []
    for example in semantics.index.examples:
        harmless = example.tactic in LABELS
        verdict = "white" if harmless else taxonomy[example.tactic].verdict
        lines.append((example.text, verdict, "bank"))
    for path in model_training_sets():
        lines.extend(labelled_training_lines(path))
    return lines


def labelled_training_lines(path: Path) -> list[tuple[str, ModelVerdict, str]]:
    """(line, verdict, set name) of each line of a labelled set with a known verdict."""
    return [
        (item.line, CLASSES[CLASSES.index(item.expected)], path.name)
        for item in load_labelled(path)
        if item.expected in CLASSES
    ]


def train_model(lines: Sequence[tuple[str, ModelVerdict, str]]) -> VerdictModel:
    """The model fitted on ``lines``: each reader of ``verdict_model.READERS`` its own logistic
    regression (``bench.model_fit.fit_model``)."""
    pairs = [(text, verdict) for text, verdict, _ in lines]
    model: VerdictModel = fit_model(verdict_model, pairs, MODEL_C, MODEL_HARMFUL_WEIGHT)
    return model


def model_loso(lines: Sequence[tuple[str, ModelVerdict, str]]) -> str:
    """The model's accuracy on each labelled set when trained on the bank and the others, and
    on the sets it is never trained on when trained on all the rest."""
    import numpy as np

    held_out = [line for name in NOT_TRAINED_ON for line in labelled_training_lines(DATA / name)]
    out, right, total, unsafe = [], 0, 0, 0
    for name in sorted({name for _, _, name in lines} - {"bank"}):
        model = train_model([line for line in lines if line[2] != name])
        tested = [line for line in lines if line[2] == name]
        guess = model.probabilities([text for text, _, _ in tested]).argmax(axis=1)
        truth = np.array([CLASSES.index(verdict) for _, verdict, _ in tested])
        right += int((guess == truth).sum())
        total += len(tested)
        unsafe += int(((guess == 0) & (truth > 0)).sum())
        out.append(f"  {name:<34} {(guess == truth).mean():6.1%} of {len(tested)}")
    out.append(
        f"verdict model, each set left out of training: {right / total:.1%} of {total} lines "
        f"right; harmful lines it alone would call white: {unsafe}"
    )
    probabilities = train_model(lines).probabilities([text for text, _, _ in held_out])
    truth = np.array([CLASSES.index(verdict) for _, verdict, _ in held_out])
    guess = probabilities.argmax(axis=1)
    out.append(
        f"trained on all of them, on the {len(held_out)} lines of the sets never trained on: "
        f"{(guess == truth).mean():.1%} right; harmful lines it alone would call white: "
        f"{int(((guess == 0) & (truth > 0)).sum())}"
    )
    return "\n".join(out)


def model_cv(
    lines: Sequence[tuple[str, ModelVerdict, str]],
    candidates: Sequence[Path],
    taxonomy: Taxonomy,
    semantics: Semantics,
    folds: int = 5,
) -> str:
    """Whether training the verdict model on ``candidates`` helps on lines it was not trained
    on: the labelled sets of ``lines`` split in ``folds`` (by name, in turn), each fold scored
    by the whole checker with the model trained on the bank and the other folds, without and
    with the candidates' lines. In-sample comparisons mix what new sets teach with how the old
    ones are fitted; this one does not (session 32, the sets once kept in ``NOT_TRAINED_ON``)."""
    names = {path.name for path in candidates}
    extra = [line for path in candidates for line in labelled_training_lines(path)]
    base = [line for line in lines if line[2] not in names]
    sets = sorted({name for _, _, name in base} - {"bank"})
    wrong = {False: 0, True: 0}
    unsafe = {False: 0, True: 0}
    scored = 0
    for fold in range(folds):
        held = set(sets[fold::folds])
        items = [item for name in sorted(held) for item in load_labelled(DATA / name)]
        scored += len(items)
        for with_candidates in (False, True):
            train = [line for line in base if line[2] not in held]
            model = train_model([*train, *extra] if with_candidates else train)
            scores = evaluate(items, taxonomy, replace(semantics, model=model))
            wrong[with_candidates] += len(scores.misses)
            unsafe[with_candidates] += len(scores.unsafe)
    return (
        f"{len(sets)} sets in {folds} folds, {scored} lines scored: without the "
        f"{len(candidates)} candidate sets {wrong[False]} wrong and {unsafe[False]} harmful "
        f"white; trained on them too ({len(extra)} lines) {wrong[True]} wrong and "
        f"{unsafe[True]} harmful white"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.tactics", description=__doc__)
    parser.add_argument("--set", type=Path, help="evaluate only this CSV (a blind set, once)")
    parser.add_argument("--phrases-only", action="store_true", help="no encoder, no bank")
    parser.add_argument(
        "--refresh-embeddings", action="store_true", help="rewrite data/tactic_examples.npz"
    )
    parser.add_argument(
        "--refresh-model", action="store_true", help="retrain data/tactic_verdict_model.npz"
    )
    parser.add_argument(
        "--model-loso", action="store_true", help="the verdict model, each set left out"
    )
    parser.add_argument(
        "--model-cv",
        nargs="+",
        type=Path,
        metavar="SET",
        help="whether training on these labelled sets helps on the others (five folds)",
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()
    taxonomy = load_taxonomy()
    loaded = time.perf_counter() - start
    semantics = None
    if not args.phrases_only:
        start = time.perf_counter()
        encoder = load_encoder()
        encoder_loaded = time.perf_counter() - start
        semantics = load_semantics(taxonomy, encoder)
        bank_loaded = time.perf_counter() - start - encoder_loaded
        if args.refresh_embeddings:
            write_embeddings(semantics.index, encoder.name)
            print(f"wrote the vectors of {len(semantics.index.examples)} examples")
            return
        if args.model_cv:
            lines = model_training_lines(taxonomy, semantics)
            print(model_cv(lines, args.model_cv, taxonomy, semantics))
            return
        if args.refresh_model or args.model_loso:
            lines = model_training_lines(taxonomy, semantics)
            if args.model_loso:
                print(model_loso(lines))
            if args.refresh_model:
                write_verdict_model(train_model(lines))
                print(f"trained the verdict model on {len(lines)} lines")
            return
        print(
            f"load the encoder ({encoder.name}): {encoder_loaded:.2f} s; the example bank "
            f"({len(semantics.index.examples)} lines, "
            f"{'stored vectors' if semantics.index.from_cache else 'embedded now: STALE npz'}): "
            f"{bank_loaded:.2f} s"
        )
    if args.set:
        scores = _report("given set", args.set, taxonomy, semantics)
        sys.exit(1 if scores.unsafe else 0)
    unsafe = 0
    for title, path in REPORTED_SETS:
        scores = _report(title, path, taxonomy, semantics)
        if path != BLIND:
            unsafe += len(scores.unsafe)
    print(f"load and index data/tactics.yaml: {loaded * 1000:.0f} ms")
    _timings(taxonomy, semantics)
    sys.exit(1 if unsafe else 0)


if __name__ == "__main__":
    main()
