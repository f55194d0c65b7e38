"""What the checker says, in English and Russian.

A finding's message is a `Message`: English text (what JSON, SARIF and the other machine formats
carry) that remembers its template key and parameters, so the text and Markdown reports can say it
again in the repository's language.
"""

from __future__ import annotations

from typing import Any

EN: dict[str, str] = {
    "owner-missing": "{id} has no owner; add `owner:` with a role id",
    "owner-unknown": "{key} '{role}' is not a role in isodocs.yml (roles: {known})",
    "approval-missing": "{id} is approved but has no {missing}; record the approval with `isodocs approve`",
    "review-missing": "{id} is approved but has no `last_reviewed` date; an approval is a review too, so stamp it: "
                      "`isodocs review DOC --by ROLE`",
    "review-overdue": "{id} was due for review on {due} ({days} days ago); review it and run "
                      "`isodocs review {path} --by {owner}`",
    "review-due-soon": "{id} is due for review on {due}, in {days} days",
    "future-date": "'{key}' is {value}, a date in the future (today is {today})",
    "placeholder-left": "placeholder '{shown}' left in approved document {id}; write the organization's own content",
    "id-duplicate": "id {id} is also used by {other}; give this document its own id",
    "clause-uncovered": "{label} requires documented information and no document addresses it; add "
                        "`{catalog}: [\"{clause}\"]` under `clauses:` in the document that does",
    "clause-stale": "{label} is addressed only by documents overdue for review ({names}); review them",
    "clause-draft-only": "{label} is addressed only by documents not yet approved: {names}; approve one",
    "catalog-out-of-scope": "catalog '{catalog}' is not among the standards in isodocs.yml ({known}); add it there or "
                            "correct the id",
    "clause-unknown": "{name} has no clause '{clause}'{guess}",
    "control-unknown": "{name} has no Annex A control '{clause}'{guess}",
    "guess": "; did you mean '{clause}' ({title})?",
    "see-catalog": "; see `isodocs standards show {catalog}`",
    "soa-absent": "no Statement of Applicability for {name}: none of its {count} Annex A controls has a decision; add "
                  "a document with `applicability: {{{catalog}: ...}}`",
    "soa-undecided": "{label} is not decided yet; set `applicable:` to true or false",
    "soa-missing": "{label} has no decision; add `{clause}: {{applicable: true}}` or exclude it with a justification",
    "soa-unjustified": "{label} is excluded without a justification; say why it does not apply",
    "soa-unimplemented": "{label} is applicable but no document implements it; name it under `clauses:` in the "
                         "implementing document",
    "soa-twice": "{control} is also decided in {other}; keep one decision",
    "soa-draft-only": "{label} is applicable and implemented only by documents not in force: {names}; approve one "
                      "(or review it, if its review is overdue)",
    "soa-unapproved": "{count} Statement of Applicability decisions for {name} do not count yet: {id} is {standing}; "
                      "approve it (`isodocs approve`), or review it if its review is overdue",
    "close-uncovered": "write or name an approved document for it: `{catalog}: [\"{clause}\"]` under `clauses:`",
    "close-stale": "review the approved documents that address it ({names})",
    "close-draft-only": "approve one of the documents that address it ({names})",
    "close-undecided": "decide it in the Statement of Applicability (`applicable: true` or `false`)",
    "close-unjustified": "say why it does not apply under `justification:` in {names}",
    "close-unimplemented": "name it under `clauses:` in the document that implements it",
    "close-unapproved": "approve (or review, if overdue) the Statement of Applicability that decides it ({names})",
    "close-pending": "approve (or review) one of the documents that implement it ({names})",
    "soa-unknown-document": "{control} names implementing document '{document}', which does not exist",
    "close-unevidenced": "record evidence that it operates (`evidence:` in a record) and approve the record; the "
                         "Statement of Applicability expects it {frequency}",
    "evidence-stale": "{label} is expected to show evidence of operation {frequency}; the latest, {date} ({what}, in "
                      "{record}), was due again on {due} ({days} days ago); record new evidence and approve the record",
    "evidence-none": "{label} is expected to show evidence of operation {frequency} and no approved record holds any"
                     "{waiting}; record it under `evidence:` in a record and approve the record",
    "evidence-waiting": " ({count} entries wait in records not approved: {names})",
    "evidence-file-missing": "evidence file '{file}' does not exist in the repository; correct the path (relative to "
                             "the repository's root) or add the file",
    "evidence-unknown": "evidence names '{clause}', which {name} does not have",
    "evidence-out-of-scope": "evidence names catalog '{catalog}', which is not among the standards in isodocs.yml",
    "evidence-future": "evidence dated {value}, a date in the future (today is {today})",
    "frequency-weekly": "weekly",
    "frequency-monthly": "monthly",
    "frequency-quarterly": "quarterly",
    "frequency-half-yearly": "every half year",
    "frequency-yearly": "yearly",
    "frequency-every": "every {interval}",
    "link-broken": "link to '{target}' leads nowhere ({resolved} does not exist); correct the path",
    "link-hidden": "link to '{target}' leads to {hidden}, which the site leaves out ({why}); remove the link",
    "nonconformity-overdue": "{grade}nonconformity {id} was due on {due} and is still open ({days} days late); close "
                             "it with `closed:` or agree a new due date",
    "nonconformity-closed-draft": "{grade}nonconformity {id} was due on {due} and its closure is recorded in a record "
                                  "that is {status}; a closure counts once the record is approved",
    "changed-since-approval": "{id} changed {when} after its approval of version {version}; approve the new version "
                              "or revert the change",
    "changed-uncommitted": "in uncommitted edits",
    "changed-in-commit": "in commit {commit} ({date}, {subject})",
    "risk-owner": "risk {risk} ({asset}): owner '{owner}' is not a role in isodocs.yml",
    "risk-review-overdue": "risk {risk} ({asset}) was due for review on {due}; reassess it and set a new `review:` "
                           "date",
    "risk-action-overdue": "risk {risk} ({asset}): the treatment action '{action}' was due on {due} ({days} days "
                           "ago); record the day it was done under `done:` or agree a new `due:` date",
    "risk-above-acceptance": "risk {risk} ({asset}) has level {level}, above the accepted level {accepted} "
                             "(`defaults.risk_acceptance`), and no treatment; treat it with controls and an action",
    "risk-control-unknown": "risk {risk} ({asset}) names '{control}', which is not an Annex A control of {name}",
    "risk-control-inapplicable": "risk {risk} ({asset}) is treated with {control} ({title}), which the Statement of "
                                 "Applicability has {state}; mark it applicable or choose another control",
    "state-excluded": "excluded",
    "state-undecided": "not decided",
    "no-management-review": "no management review is recorded; hold one and record it in a document with "
                            "`management_review: {{held: YYYY-MM-DD}}`",
    "management-review-overdue": "the last management review was held on {held}; the next was due by {due} (every "
                                 "{interval}, `defaults.management_review`)",
    "no-audits": "no internal audit of {name} is planned; list audits under `audits:` in the audit programme",
    "audit-gap": "the audit programme leaves {count} clauses of {name} unaudited between {start} and {end}: {shown}",
    "audit-at-risk": "the {kind} audit on {date} is {days} days away with {problems}",
    "stage-not-certified": "the certificate was issued on {issued} but `stage:` is still `preparation`; set "
                           "`stage: certified` so that gaps count as errors",
    "initial-audit-unprepared": "the initial certification audit on {date} is {days} days away and {problems}",
    "initial-unaudited": "no internal audit done covers {count} clauses or controls of {name} ({shown})",
    "initial-no-review": "no management review is recorded in an approved record",
    "audit-surveillance": "surveillance",
    "audit-recertification": "recertification",
    "problem-majors": "{count} open major nonconformities ({ids})",
    "problem-overdue": "{count} documents overdue for review",
    "problem-uncovered": "{count} clauses without an approved document",
    "does-not-parse": "front matter does not parse: {problem}",
    "not-a-mapping": "front matter must be a mapping of keys (id:, title:, ...)",
    "unknown-key": "unknown key '{key}': {hint}",
    "did-you-mean": "did you mean '{guess}'?",
    "known-keys": "known keys: {keys}",
    "missing-key": "missing required key '{key}'{inside}",
    "not-a-date": "'{key}': '{value}' is not a real date (YYYY-MM-DD)",
    "unclosed": "front matter opened with '---' on line 1 is never closed",
    "not-utf8": "bytes that are not UTF-8 at line {line}; save the file as UTF-8",
    "binary": "the file is binary (contains NUL bytes), not Markdown",
    "link-out": "symbolic link that leads outside the repository or nowhere; not followed (replace it with the file "
                "itself)",
    "link-loop": "symbolic link to a folder that contains it (a loop); not followed",
    "unreadable-folder": "cannot read folder: {reason}",
    "unreadable-file": "cannot read file: {reason}",
    "too-large": "file larger than {size} MiB; split it or move attachments out of the docs folder",
    "approval-self": "{id} is approved by its own owner ({role}); segregation of duties needs another approver: set "
                     "`approver:` to another role and approve again, or allow it with "
                     "`approvals: {{allow_self_approval: true}}` in isodocs.yml",
    "unapproved-life": "{id} was deleted and added again (commit {commit}), and no commit has approved version "
                       "{version} since; approve it with `isodocs approve`",
    "history-missing": "the git history needed to verify {count} approved documents is missing (a shallow clone or "
                       "grafts: history starts at commit {commit}): {ids}; fetch the full history: GitHub Actions "
                       "`actions/checkout` with `fetch-depth: 0`, GitLab CI `GIT_DEPTH: 0`, a local clone "
                       "`git fetch --unshallow`",
    "history-skipped": "{reason}: the approvals of {count} approved documents were not verified against git history",
    "skipped-option": "history skipped with --no-history",
    "skipped-not-git": "not a git repository",
    "approval-unverified-author": "version {version} of {id} was approved in commit {commit} by {author}, who is not "
                                  "a member of the approver role {person}; have a member make the approving commit, "
                                  "or list the person under `members:` of the role in isodocs.yml",
    "approval-unverified-signature": "version {version} of {id} was approved in commit {commit} (author {author}) "
                                     "without a good signature by a key listed for the approver role {person}; sign "
                                     "the approving commit (`git commit -S`) with a key listed under `members:` of "
                                     "the role in isodocs.yml",
    "approval-removed": "{id} ({path}) was approved and is deleted without being retired first; set "
                        "`status: retired` and keep it, as ISO expects of obsolete documents",
    "shallow": "the git clone is shallow, so history may be incomplete: fetch the full history (GitHub: "
               "actions/checkout with fetch-depth: 0; GitLab: GIT_DEPTH: 0)",
    # report text
    "edition-superseded": "{name} is superseded by {successor}; certificates to it stay valid until {deadline}, "
                          "{days} days from now: preview the move with `isodocs migrate {catalog} {successor_id}`",
    "edition-expired": "{name} was superseded by {successor} and its transition ended on {deadline}; certificates to "
                       "it are no longer valid: move with `isodocs migrate {catalog} {successor_id}`",
    "catalog-base-missing": "{name} adds to {bases} and is never used alone, but none of them is under standards: "
                            "add one (e.g. {first})",
    "catalog-incomplete": "the catalog of {name} is incomplete: {missing}; its readiness leaves them out, so decide "
                          "them from your copy of the standard",
    "migration-new": "{catalog} {clause} ({title}) is new and no document addresses it yet; name it under "
                     "`clauses:` in the document that will",
    "migration-split": "{clause} is split into {new}, and all of them are now mapped: keep only those this document "
                       "addresses ({note})",
    "migration-removed": "{clause} is gone from the new edition, so it was dropped ({note})",
    "migration-both": "this document maps both {source} and {target}; merge the two lists by hand",
    "migration-merged-exclusion": "the exclusion of {clause} now falls on {new}, which is excluded already; merge the "
                                  "two justifications by hand",
    "summary": "{errors} error{errors_s}, {warnings} warning{warnings_s}",
    "summary-counts": "isodocs check: {errors} errors and {warnings} warnings in {files} files.",
    "summary-readiness": "Readiness {readiness}; {items} required clauses or controls are still open (the open items "
                         "in `--format json` or `markdown` say what closes each).",
    "summary-decisions": "{count} decisions are still open (`[[decide: ...]]`) in {documents} documents.",
    "summary-filtered": "Shown: {filters}.",
    "decisions-per-document": "Open decisions ({count}): {listed}",
    "report-errors": "Errors",
    "report-warnings": "Warnings",
    "readiness": "readiness {catalog}: {covered}/{required} ({percent}%)",
    "note": "note: {note}",
    "markdown-title-pass": "## isodocs check ✅ passes",
    "markdown-title-fail": "## isodocs check ❌ fails",
    "markdown-counts": "**{errors}** errors, **{warnings}** warnings.",
    "markdown-readiness-head": "| Standard | Required | Covered | Readiness |",
    "markdown-findings-head": "| Severity | Rule | Where | Message |",
    "markdown-open-summary": "{catalog}: {count} open items",
    "markdown-open-head": "| Clause or control | State | Documents | To close it |",
    "error": "error",
    "warning": "warning",
    # isodocs tasks
    "task-review": "Review {id} {title}",
    "task-nonconformity": "Close nonconformity {id} {title}",
    "task-risk-review": "Review risk {risk} ({asset})",
    "task-risk-action": "Treat risk {risk}: {action}",
    "task-audit": "Internal audit of {standard} clauses {clauses}{who}",
    "task-management-review": "Hold the management review",
    "task-evidence": "Record evidence that {control} operates ({frequency})",
    "task-first-management-review": "Hold the first management review",
    "task-surveillance": "Surveillance audit{who}",
    "task-recertification": "Recertification audit{who}",
    "task-expires": "The certificate expires{who}",
    "tasks-title": "## isodocs: what is due (as of {today})",
    "tasks-count": "{count} tasks up to {until}, {overdue} overdue.",
    "tasks-total": "{count} tasks, {overdue} overdue, up to {until}",
    "tasks-nothing": "Nothing is due up to {until}.",
    "tasks-head": "| Due | What | Where |",
    "tasks-overdue": "overdue since {date}",
    "tasks-today": "due today",
    "tasks-due": "due {date}",
    "tasks-nobody": "(no owner named)",
    "tasks-any-date": "any date",
    "tasks-owner": "Owner: {owner}",
    "tasks-where": "Where: {where}",
    "tasks-calendar": "{organization}: what is due",
}

RU: dict[str, str] = {
    "owner-missing": "у документа {id} нет владельца; добавьте `owner:` с кодом роли",
    "owner-unknown": "{key} '{role}' — такой роли нет в isodocs.yml (роли: {known})",
    "approval-missing": "документ {id} утверждён, но не указано: {missing}; зафиксируйте утверждение командой "
                        "`isodocs approve`",
    "review-missing": "документ {id} утверждён, но нет даты `last_reviewed`; утверждение — тоже пересмотр, отметьте "
                      "его: `isodocs review DOC --by ROLE`",
    "review-overdue": "срок пересмотра {id} истёк {due} ({days} дн. назад); пересмотрите документ и выполните "
                      "`isodocs review {path} --by {owner}`",
    "review-due-soon": "срок пересмотра {id} — {due}, через {days} дн.",
    "future-date": "'{key}' = {value} — дата в будущем (сегодня {today})",
    "placeholder-left": "в утверждённом документе {id} остался шаблонный текст '{shown}'; замените его своим",
    "id-duplicate": "код {id} уже занят документом {other}; присвойте документу свой код",
    "clause-uncovered": "{label_ru}: требуется документированная информация, но ни один документ её не содержит; "
                        "добавьте `{catalog}: [\"{clause}\"]` в `clauses:` документа, который её содержит",
    "clause-stale": "{label_ru}: охвачен только документами с просроченным пересмотром ({names}); пересмотрите их",
    "clause-draft-only": "{label_ru}: охвачен только неутверждёнными документами: {names}; утвердите один из них",
    "catalog-out-of-scope": "каталога '{catalog}' нет среди стандартов в isodocs.yml ({known}); добавьте его туда или "
                            "исправьте код",
    "clause-unknown": "в {name} нет пункта '{clause}'{guess}",
    "control-unknown": "в {name} нет меры приложения A '{clause}'{guess}",
    "guess": "; возможно, имелся в виду '{clause}' ({title})?",
    "see-catalog": "; см. `isodocs standards show {catalog}`",
    "soa-absent": "нет Положения о применимости для {name}: ни по одной из {count} мер приложения A нет решения; "
                  "добавьте документ с `applicability: {{{catalog}: ...}}`",
    "soa-undecided": "{label_ru}: решение ещё не принято; укажите `applicable:` true или false",
    "soa-missing": "{label_ru}: нет решения; добавьте `{clause}: {{applicable: true}}` или исключите меру с "
                   "обоснованием",
    "soa-unjustified": "{label_ru}: мера исключена без обоснования; объясните, почему она неприменима",
    "soa-unimplemented": "{label_ru}: мера применима, но ни один документ её не реализует; укажите её в `clauses:` "
                         "реализующего документа",
    "soa-twice": "решение по {control} уже есть в {other}; оставьте одно решение",
    "soa-draft-only": "{label_ru}: мера применима, но реализована только недействующими документами: {names}; "
                      "утвердите один из них (или пересмотрите, если пересмотр просрочен)",
    "soa-unapproved": "решения Положения о применимости для {name} ({count}) пока не учитываются: {id} — {standing}; "
                      "утвердите его (`isodocs approve`) или пересмотрите, если пересмотр просрочен",
    "close-uncovered": "напишите или укажите утверждённый документ: `{catalog}: [\"{clause}\"]` в `clauses:`",
    "close-stale": "пересмотрите утверждённые документы, которые его охватывают ({names})",
    "close-draft-only": "утвердите один из документов, которые его охватывают ({names})",
    "close-undecided": "примите решение в Положении о применимости (`applicable: true` или `false`)",
    "close-unjustified": "объясните в `justification:`, почему мера неприменима ({names})",
    "close-unimplemented": "укажите меру в `clauses:` документа, который её реализует",
    "close-unapproved": "утвердите (или пересмотрите, если просрочено) Положение о применимости ({names})",
    "close-pending": "утвердите (или пересмотрите) один из документов, реализующих меру ({names})",
    "soa-unknown-document": "для {control} указан реализующий документ '{document}', которого нет",
    "close-unevidenced": "запишите свидетельство работы меры (`evidence:` в записи) и утвердите запись; Положение о "
                         "применимости ожидает его {frequency}",
    "evidence-stale": "{label_ru}: свидетельства работы ожидаются {frequency}; последнее, {date} ({what}, в "
                      "{record}), нужно было обновить {due} ({days} дн. назад); запишите новое и утвердите запись",
    "evidence-none": "{label_ru}: свидетельства работы ожидаются {frequency}, но ни одна утверждённая запись их не "
                     "содержит{waiting}; запишите их в `evidence:` записи и утвердите её",
    "evidence-waiting": " ({count} ждут в неутверждённых записях: {names})",
    "evidence-file-missing": "файла свидетельства '{file}' нет в репозитории; исправьте путь (от корня репозитория) "
                             "или добавьте файл",
    "evidence-unknown": "свидетельство указывает '{clause}', которого нет в {name}",
    "evidence-out-of-scope": "свидетельство указывает каталог '{catalog}', которого нет среди стандартов в isodocs.yml",
    "evidence-future": "свидетельство датировано {value} — это дата в будущем (сегодня {today})",
    "frequency-weekly": "еженедельно",
    "frequency-monthly": "ежемесячно",
    "frequency-quarterly": "ежеквартально",
    "frequency-half-yearly": "раз в полгода",
    "frequency-yearly": "ежегодно",
    "frequency-every": "с интервалом {interval}",
    "link-broken": "ссылка '{target}' никуда не ведёт ({resolved} не существует); исправьте путь",
    "link-hidden": "ссылка '{target}' ведёт на {hidden}, который не публикуется на сайте ({why}); удалите ссылку",
    "nonconformity-overdue": "{grade_ru}несоответствие {id} нужно было устранить до {due}, оно всё ещё открыто "
                             "(просрочка {days} дн.); закройте его (`closed:`) или согласуйте новый срок",
    "nonconformity-closed-draft": "{grade_ru}несоответствие {id} нужно было устранить до {due}; его закрытие "
                                  "записано в записи со статусом {status}, а закрытие учитывается после утверждения",
    "changed-since-approval": "документ {id} изменён {when_ru} после утверждения версии {version}; утвердите новую "
                              "версию или отмените изменение",
    "changed-uncommitted": "в незафиксированных правках",
    "changed-in-commit": "в коммите {commit} ({date}, {subject})",
    "risk-owner": "риск {risk} ({asset}): владельца '{owner}' нет среди ролей в isodocs.yml",
    "risk-review-overdue": "срок пересмотра риска {risk} ({asset}) истёк {due}; переоцените риск и укажите новую дату "
                           "`review:`",
    "risk-action-overdue": "риск {risk} ({asset}): срок мероприятия по обработке «{action}» истёк {due} ({days} "
                           "дн. назад); укажите дату выполнения в `done:` или согласуйте новый срок `due:`",
    "risk-above-acceptance": "уровень риска {risk} ({asset}) — {level}, выше допустимого {accepted} "
                             "(`defaults.risk_acceptance`), а обработки нет; назначьте меры и мероприятие",
    "risk-control-unknown": "для риска {risk} ({asset}) указано '{control}', но это не мера приложения A {name}",
    "risk-control-inapplicable": "риск {risk} ({asset}) обрабатывается мерой {control}, которая в Положении о "
                                 "применимости {state_ru}; признайте её применимой или выберите другую меру",
    "state-excluded": "исключена",
    "state-undecided": "не решена",
    "no-management-review": "анализ со стороны руководства не зафиксирован; проведите его и запишите в документе с "
                            "`management_review: {{held: ГГГГ-ММ-ДД}}`",
    "management-review-overdue": "последний анализ со стороны руководства проведён {held}; следующий нужно было "
                                 "провести до {due} (интервал {interval}, `defaults.management_review`)",
    "no-audits": "внутренние аудиты по {name} не запланированы; перечислите их в `audits:` программы аудитов",
    "audit-gap": "программа аудитов оставляет {count} пунктов {name} без аудита в период с {start} по {end}: {shown}",
    "audit-at-risk": "до аудита ({kind_ru}) {date} осталось {days} дн., а {problems_ru}",
    "stage-not-certified": "сертификат выдан {issued}, а `stage:` всё ещё `preparation`; укажите "
                           "`stage: certified`, чтобы пробелы считались ошибками",
    "initial-audit-unprepared": "до первоначального сертификационного аудита {date} осталось {days} дн., а "
                                "{problems_ru}",
    "initial-unaudited": "проведённые внутренние аудиты не охватывают {count} пунктов или мер {name} ({shown})",
    "initial-no-review": "нет анализа со стороны руководства в утверждённой записи",
    "audit-surveillance": "инспекционный",
    "audit-recertification": "ресертификационный",
    "problem-majors": "открыто значительных несоответствий: {count} ({ids})",
    "problem-overdue": "документов с просроченным пересмотром: {count}",
    "problem-uncovered": "пунктов без утверждённого документа: {count}",
    "does-not-parse": "метаданные (front matter) не читаются: {problem}",
    "not-a-mapping": "метаданные должны быть набором ключей (id:, title:, ...)",
    "unknown-key": "неизвестный ключ '{key}': {hint_ru}",
    "did-you-mean": "возможно, имелся в виду '{guess}'?",
    "known-keys": "допустимые ключи: {keys}",
    "missing-key": "нет обязательного ключа '{key}'{inside}",
    "not-a-date": "'{key}': '{value}' — несуществующая дата (ГГГГ-ММ-ДД)",
    "unclosed": "метаданные, открытые '---' в строке 1, не закрыты",
    "not-utf8": "в строке {line} байты не в кодировке UTF-8; сохраните файл в UTF-8",
    "binary": "файл двоичный (содержит байты NUL), это не Markdown",
    "link-out": "символическая ссылка ведёт за пределы репозитория или в никуда; не используется (замените её самим "
                "файлом)",
    "link-loop": "символическая ссылка на папку, которая её содержит (цикл); не используется",
    "unreadable-folder": "папку не прочитать: {reason}",
    "unreadable-file": "файл не прочитать: {reason}",
    "too-large": "файл больше {size} МиБ; разделите его или уберите вложения из папки документов",
    "approval-self": "документ {id} утверждён своим же владельцем ({role}); разделение обязанностей требует другого "
                     "утверждающего: укажите в `approver:` другую роль и утвердите снова или разрешите это в "
                     "isodocs.yml: `approvals: {{allow_self_approval: true}}`",
    "unapproved-life": "документ {id} удалён и добавлен снова (коммит {commit}), и с тех пор ни один коммит не "
                       "утвердил версию {version}; утвердите её: `isodocs approve`",
    "history-missing": "нет истории git, нужной для проверки утверждения документов ({count}): клон неполный "
                       "(shallow) или есть grafts, история начинается с коммита {commit}: {ids}; загрузите всю "
                       "историю: GitHub Actions `actions/checkout` с `fetch-depth: 0`, GitLab CI `GIT_DEPTH: 0`, "
                       "локальный клон `git fetch --unshallow`",
    "history-skipped": "{reason}: утверждение документов ({count}) не проверено по истории git",
    "skipped-option": "история пропущена по --no-history",
    "skipped-not-git": "не репозиторий git",
    "approval-unverified-author": "версия {version} документа {id} утверждена в коммите {commit} автором {author}, "
                                  "который не входит в роль утверждающего {person}; пусть утверждающий коммит "
                                  "сделает её участник, или добавьте человека в `members:` роли в isodocs.yml",
    "approval-unverified-signature": "версия {version} документа {id} утверждена в коммите {commit} (автор "
                                     "{author}) без верной подписи ключом роли утверждающего {person}; подпишите "
                                     "коммит (`git commit -S`) ключом из `members:` роли в isodocs.yml",
    "approval-removed": "документ {id} ({path}) был утверждён и удалён, не будучи выведен из действия; укажите "
                        "`status: retired` и сохраните его, как требует ISO для устаревших документов",
    "shallow": "клон git неполный (shallow), история может быть неполной: загрузите всю историю (GitHub: "
               "actions/checkout с fetch-depth: 0; GitLab: GIT_DEPTH: 0)",
    "edition-superseded": "{name} заменён стандартом {successor}; сертификаты по нему действительны до {deadline}, "
                          "осталось {days} дн.: посмотрите план перехода командой `isodocs migrate {catalog} "
                          "{successor_id}`",
    "edition-expired": "{name} заменён стандартом {successor}, переходный период закончился {deadline}; сертификаты по "
                       "нему больше не действительны: перейдите командой `isodocs migrate {catalog} {successor_id}`",
    "catalog-base-missing": "{name} дополняет {bases} и сам по себе не применяется, но ни один из них не указан в "
                            "standards: добавьте один из них (например, {first})",
    "catalog-incomplete": "каталог {name} неполон: {missing}; готовность их не учитывает, поэтому решения по ним "
                          "примите по своему экземпляру стандарта",
    "migration-new": "{catalog} {clause} ({title}) — новый пункт, и ни один документ его пока не охватывает; укажите "
                     "его в `clauses:` того документа, который будет его охватывать",
    "migration-split": "пункт {clause} разделён на {new}, и теперь указаны все: оставьте только те, которые этот "
                       "документ охватывает ({note})",
    "migration-removed": "пункта {clause} в новой редакции нет, он удалён из перечня ({note})",
    "migration-both": "в документе указаны и {source}, и {target}; объедините перечни вручную",
    "migration-merged-exclusion": "исключение пункта {clause} теперь относится к {new}, который уже исключён; "
                                  "объедините обоснования вручную",
    "summary": "ошибок: {errors}, предупреждений: {warnings}",
    "summary-counts": "Проверка isodocs: ошибок — {errors}, предупреждений — {warnings}, файлов — {files}.",
    "summary-readiness": "Готовность {readiness}; открытых пунктов и мер — {items} (что закрывает каждый, говорят "
                         "открытые пункты в `--format json` или `markdown`).",
    "summary-decisions": "Открытых решений (`[[decide: ...]]`) — {count} в документах: {documents}.",
    "summary-filtered": "Показаны: {filters}.",
    "decisions-per-document": "Открытые решения ({count}): {listed}",
    "report-errors": "Ошибки",
    "report-warnings": "Предупреждения",
    "readiness": "готовность {catalog}: {covered}/{required} ({percent}%)",
    "note": "примечание: {note}",
    "markdown-title-pass": "## Проверка isodocs ✅ пройдена",
    "markdown-title-fail": "## Проверка isodocs ❌ не пройдена",
    "markdown-counts": "Ошибок: **{errors}**, предупреждений: **{warnings}**.",
    "markdown-readiness-head": "| Стандарт | Требуется | Выполнено | Готовность |",
    "markdown-findings-head": "| Уровень | Правило | Где | Сообщение |",
    "markdown-open-summary": "{catalog}: открытых пунктов — {count}",
    "markdown-open-head": "| Пункт или мера | Состояние | Документы | Что сделать |",
    "error": "ошибка",
    "warning": "предупреждение",
    # isodocs tasks
    "task-review": "Пересмотреть {id} {title}",
    "task-nonconformity": "Закрыть несоответствие {id} {title}",
    "task-evidence": "Записать свидетельство работы меры {control} ({frequency})",
    "task-risk-review": "Пересмотреть риск {risk} ({asset})",
    "task-risk-action": "Обработать риск {risk}: {action}",
    "task-audit": "Внутренний аудит {standard}, пункты {clauses}{who}",
    "task-management-review": "Провести анализ со стороны руководства",
    "task-first-management-review": "Провести первый анализ со стороны руководства",
    "task-surveillance": "Надзорный аудит{who}",
    "task-recertification": "Ресертификационный аудит{who}",
    "task-expires": "Истекает срок действия сертификата{who}",
    "tasks-title": "## isodocs: что предстоит (на {today})",
    "tasks-count": "Задач до {until}: {count}, из них просрочено: {overdue}.",
    "tasks-total": "Задач: {count}, просрочено: {overdue}, до {until}",
    "tasks-nothing": "До {until} ничего не предстоит.",
    "tasks-head": "| Срок | Что | Где |",
    "tasks-overdue": "просрочено с {date}",
    "tasks-today": "срок сегодня",
    "tasks-due": "срок {date}",
    "tasks-nobody": "(владелец не указан)",
    "tasks-any-date": "любой даты",
    "tasks-owner": "Владелец: {owner}",
    "tasks-where": "Где: {where}",
    "tasks-calendar": "{organization}: что предстоит",
}

LANGUAGES = {"en": EN, "ru": RU}


class Message(str):
    """English text that can be said again in another language."""

    key: str
    params: dict[str, Any]

    def __new__(cls, key: str, /, **params: Any) -> Message:
        text = super().__new__(cls, EN[key].format(**_english(params)))
        text.key = key
        text.params = params
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.key, self.params))

    def said_in(self, language: str) -> str:
        template = LANGUAGES.get(language, EN).get(self.key)
        if template is None or language == "en":
            return str(self)
        return template.format(**_localized(self.params, language))


def _rebuild(key: str, params: dict[str, Any]) -> Message:
    return Message(key, **params)


def _english(params: dict[str, Any]) -> dict[str, Any]:
    return {k: str(v) if isinstance(v, Message) else v for k, v in params.items()}


def _localized(params: dict[str, Any], language: str) -> dict[str, Any]:
    """Parameters, with nested messages said in the language and `x_ru` taking the place of `x`."""
    result: dict[str, Any] = {}
    for key, value in params.items():
        result[key] = value.said_in(language) if isinstance(value, Message) else value
    for key, value in list(result.items()):
        if not key.endswith("_ru"):
            result.setdefault(f"{key}_ru", value)
    return result


def say(key: str, /, **params: Any) -> Message:
    return Message(key, **params)


def text_in(value: str, language: str) -> str:
    """A finding's message in the language, when it knows how to say it."""
    return value.said_in(language) if isinstance(value, Message) else value


def phrase(key: str, language: str, /, **params: Any) -> str:
    return LANGUAGES.get(language, EN).get(key, EN[key]).format(**params)
