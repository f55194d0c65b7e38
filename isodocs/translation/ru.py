"""Every text isodocs shows a person, in Russian: the same keys and parameters as en.py."""

from __future__ import annotations

TEXTS: dict[str, str] = {
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
    "clause-uncovered": "{label}: требуется документированная информация, но ни один документ её не содержит; "
                        "добавьте `{catalog}: [\"{clause}\"]` в `clauses:` документа, который её содержит",
    "clause-stale": "{label}: охвачен только документами с просроченным пересмотром ({names}); пересмотрите их",
    "clause-draft-only": "{label}: охвачен только неутверждёнными документами: {names}; утвердите один из них",
    "catalog-out-of-scope": "каталога '{catalog}' нет среди стандартов в isodocs.yml ({known}); добавьте его туда или "
                            "исправьте код",
    "clause-unknown": "в {name} нет пункта '{clause}'{guess}",
    "control-unknown": "в {name} нет меры приложения A '{clause}'{guess}",
    "guess": "; возможно, имелся в виду '{clause}' ({title})?",
    "see-catalog": "; см. `isodocs standards show {catalog}`",
    "soa-absent": "нет Положения о применимости для {name}: ни по одной из {count} мер приложения A нет решения; "
                  "добавьте документ с `applicability: {{{catalog}: ...}}`",
    "soa-missing": "{label}: нет решения; добавьте `{clause}: {{applicable: true}}` или исключите меру с обоснованием",
    "soa-unjustified": "{label}: мера исключена без обоснования; объясните, почему она неприменима",
    "soa-unimplemented": "{label}: мера применима, но ни один документ её не реализует; укажите её в `clauses:` "
                         "реализующего документа",
    "soa-twice": "решение по {control} уже есть в {other}; оставьте одно решение",
    "soa-draft-only": "{label}: мера применима, но реализована только недействующими документами: {names}; утвердите "
                      "один из них (или пересмотрите, если пересмотр просрочен)",
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
    "link-broken": "ссылка '{target}' никуда не ведёт ({resolved} не существует); исправьте путь",
    "link-hidden": "ссылка '{target}' ведёт на {hidden}, который не публикуется на сайте ({why}); удалите ссылку",
    "nonconformity-overdue": "{grade}несоответствие {id} нужно было устранить до {due}, оно всё ещё открыто "
                             "(просрочка {days} дн.); закройте его (`closed:`) или согласуйте новый срок",
    "nonconformity-closed-draft": "{grade}несоответствие {id} нужно было устранить до {due}; его закрытие записано в "
                                  "записи со статусом {status}, а закрытие учитывается после утверждения",
    "changed-since-approval": "документ {id} изменён {when} после утверждения версии {version}; утвердите новую "
                              "версию или отмените изменение",
    "changed-uncommitted": "в незафиксированных правках",
    "changed-in-commit": "в коммите {commit} ({date}, {subject})",
    "risk-owner": "риск {risk} ({asset}): владельца '{owner}' нет среди ролей в isodocs.yml",
    "risk-review-overdue": "срок пересмотра риска {risk} ({asset}) истёк {due}; переоцените риск и укажите новую дату "
                           "`review:`",
    "risk-action-overdue": "риск {risk} ({asset}): срок мероприятия по обработке «{action}» истёк {due} ({days} дн. "
                           "назад); укажите дату выполнения в `done:` или согласуйте новый срок `due:`",
    "risk-above-acceptance": "уровень риска {risk} ({asset}) — {level}, выше допустимого {accepted} "
                             "(`defaults.risk_acceptance`), а обработки нет; назначьте меры и мероприятие",
    "risk-control-unknown": "для риска {risk} ({asset}) указано '{control}', но это не мера приложения A {name}",
    "risk-control-inapplicable": "риск {risk} ({asset}) обрабатывается мерой {control} ({title}), которая в Положении "
                                 "о применимости {state}; признайте её применимой или выберите другую меру",
    "state-excluded": "исключена",
    "state-undecided": "не решена",
    "no-management-review": "анализ со стороны руководства не зафиксирован; проведите его и запишите в документе с "
                            "`management_review: {{held: ГГГГ-ММ-ДД}}`",
    "management-review-overdue": "последний анализ со стороны руководства проведён {held}; следующий нужно было "
                                 "провести до {due} (интервал {interval}, `defaults.management_review`)",
    "no-audits": "внутренние аудиты по {name} не запланированы; перечислите их в `audits:` программы аудитов",
    "audit-gap": "программа аудитов оставляет {count} пунктов {name} без аудита в период с {start} по {end}: {shown}",
    "audit-at-risk": "до аудита ({kind}) {date} осталось {days} дн., а {problems:; }",
    "stage-not-certified": "сертификат выдан {issued}, а `stage:` всё ещё `preparation`; укажите `stage: certified`, "
                           "чтобы пробелы считались ошибками",
    "initial-audit-unprepared": "до первоначального сертификационного аудита {date} осталось {days} дн., а "
                                "{problems:; }",
    "initial-unaudited": "проведённые внутренние аудиты не охватывают {count} пунктов или мер {name} ({shown})",
    "initial-no-review": "нет анализа со стороны руководства в утверждённой записи",
    "audit-surveillance": "инспекционный",
    "audit-recertification": "ресертификационный",
    "problem-majors": "открыто значительных несоответствий: {count} ({ids})",
    "problem-overdue": "документов с просроченным пересмотром: {count}",
    "problem-uncovered": "пунктов без утверждённого документа: {count}",
    "does-not-parse": "метаданные (front matter) не читаются: {problem}",
    "not-a-mapping": "метаданные должны быть набором ключей (id:, title:, ...)",
    "unknown-key": "неизвестный ключ '{key}': {hint}",
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
                                  "который не входит в роль утверждающего {person}; пусть утверждающий коммит сделает "
                                  "её участник, или добавьте человека в `members:` роли в isodocs.yml",
    "approval-unverified-signature": "версия {version} документа {id} утверждена в коммите {commit} (автор {author}) "
                                     "без верной подписи ключом роли утверждающего {person}; подпишите коммит (`git "
                                     "commit -S`) ключом из `members:` роли в isodocs.yml",
    "approval-removed": "документ {id} ({path}) был утверждён и удалён, не будучи выведен из действия; укажите "
                        "`status: retired` и сохраните его, как требует ISO для устаревших документов",
    "shallow": "клон git неполный (shallow), история может быть неполной: загрузите всю историю (GitHub: "
               "actions/checkout с fetch-depth: 0; GitLab: GIT_DEPTH: 0)",
    "edition-superseded": "{name} заменён стандартом {successor}; сертификаты по нему действительны до {deadline}, "
                          "осталось {days} дн.: посмотрите план перехода командой `isodocs migrate {catalog} "
                          "{successor_id}`",
    "edition-expired": "{name} заменён стандартом {successor}, переходный период закончился {deadline}; сертификаты "
                       "по нему больше не действительны: перейдите командой `isodocs migrate {catalog} {successor_id}`",
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
    "task-review": "Пересмотреть {id} {title}",
    "task-nonconformity": "Закрыть несоответствие {id} {title}",
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
    "grade-major": "значительное ",
    "grade-minor": "незначительное ",
    "grade-observation": "",
    "site.section_manual": "Руководство",
    "site.section_policies": "Политики",
    "site.section_procedures": "Процедуры",
    "site.section_plans": "Планы",
    "site.section_registers": "Реестры",
    "site.section_records": "Записи",
    "site.section_forms": "Формы",
    "site.section_overview": "Обзор",
    "site.overdue_banner": "Просрочен пересмотр: следующий пересмотр был назначен на {due}. Документ действует, но "
                           "владелец должен его пересмотреть.",
    "site.dashboard": "Сводка",
    "site.reviews_overdue": "Просроченные пересмотры",
    "site.reviews_due_soon": "Скоро пересмотр",
    "site.nc_open_count": "Открытые несоответствия",
    "site.actions_overdue": "Просроченные корректирующие действия",
    "site.next_certification": "Ближайший сертификационный аудит",
    "site.next_internal": "Ближайший внутренний аудит",
    "site.recent_approvals": "Недавно утверждены",
    "site.required_reading": "Обязательно для ознакомления всем сотрудникам",
    "site.required_reading_note": "С этими документами знакомится каждый сотрудник.",
    "site.figures": "Коротко",
    "site.dashboard_note": "Создано isodocs по метаданным документов и тем же проверкам, что <code>isodocs "
                           "check</code>.",
    "site.internal_audit": "внутренний аудит: {standard}",
    "site.not_planned": "не запланирован",
    "site.register": "Реестр документов",
    "site.coverage": "Покрытие требований",
    "site.soa": "Положение о применимости",
    "site.calendar": "Календарь пересмотров",
    "site.changes": "Последние изменения",
    "site.id": "Код",
    "site.title": "Название",
    "site.type": "Тип",
    "site.status": "Статус",
    "site.version": "Версия",
    "site.owner": "Владелец",
    "site.approver": "Утверждает",
    "site.approved": "Утверждён",
    "site.last_reviewed": "Последний пересмотр",
    "site.next_review": "Следующий пересмотр",
    "site.classification": "Гриф",
    "site.clauses": "Пункты",
    "site.clause": "Пункт",
    "site.state": "Состояние",
    "site.documents": "Документы",
    "site.readiness": "Готовность",
    "site.required": "требуется",
    "site.covered": "выполнено",
    "site.control": "Мера",
    "site.applicable": "Применима",
    "site.justification": "Обоснование",
    "site.implementation": "Внедрение",
    "site.yes": "да",
    "site.no": "нет",
    "site.undecided": "не решено",
    "site.overdue": "Просрочено",
    "site.due_30": "В ближайшие 30 дней",
    "site.due_90": "Через 31–90 дней",
    "site.by_owner": "По владельцам",
    "site.certification": "Сертификационные аудиты",
    "site.surveillance": "Инспекционный аудит",
    "site.recertification": "Ресертификационный аудит",
    "site.expires": "Срок действия сертификата",
    "site.none": "Нет.",
    "site.date": "Дата",
    "site.author": "Автор",
    "site.change": "Изменение",
    "site.history": "История изменений",
    "site.draft_banner": "Проект: документ не утверждён и не действует.",
    "site.in-review_banner": "На согласовании: документ ещё не утверждён и не действует.",
    "site.retired_banner": "Отменён: документ больше не действует.",
    "site.due_soon_mark": "скоро пересмотр",
    "site.overdue_mark": "просрочен",
    "site.commit": "Коммит",
    "site.reviewed_by": "Пересмотрел",
    "site.approved_in": "Утверждён в коммите",
    "site.verified": "подтверждено",
    "site.unverified": "не подтверждено",
    "site.changed_since": "текст с тех пор изменён",
    "site.state_covered": "выполнено",
    "site.state_stale": "просрочен пересмотр",
    "site.state_draft-only": "только проекты",
    "site.state_uncovered": "нет документа",
    "site.state_implemented": "внедрена",
    "site.state_excluded": "исключена",
    "site.state_unjustified": "исключена без обоснования",
    "site.state_unimplemented": "нет документа",
    "site.state_undecided": "не решено",
    "site.state_pending": "документ не утверждён",
    "site.state_unapproved": "положение о применимости не утверждено",
    "site.generated_note": "Страница создана isodocs по метаданным документов.",
    "site.open_decisions": "Открытые решения",
    "site.open_decisions_total": "Решений ещё не принято (`[[decide: ...]]` в тексте): {count}, документов: "
                                 "{documents}.",
    "site.no_history": "В git пока нет истории.",
    "site.risks": "Реестр рисков",
    "site.inherent": "Риски до обработки",
    "site.residual": "Остаточный риск",
    "site.impact_axis": "По горизонтали — последствия (1-5), по вертикали — вероятность (1-5)",
    "site.risk": "Риск",
    "site.asset": "Актив или процесс",
    "site.threat": "Угроза",
    "site.level": "Уровень",
    "site.treatment": "Обработка",
    "site.treatment_plan": "План обработки рисков",
    "site.action": "Мероприятие",
    "site.due": "Срок",
    "site.controls": "Меры",
    "site.register_column": "Реестр",
    "site.nonconformities": "Несоответствия",
    "site.grade": "Категория",
    "site.raised": "Выявлено",
    "site.closed": "Закрыто",
    "site.nc_open": "открыто",
    "site.nc_closed": "закрыто",
    "site.nc_overdue": "просрочено",
    "site.upcoming_audits": "Ближайшие сертификационные аудиты",
    "site.withheld": "не публикуется",
    "site.withheld_link": "[документ, который не публикуется]",
    "site.withheld_change": "Изменение не показано: коммит затронул и документ, который здесь не публикуется.",
    "site.transition": "Переходный период: {name} заменён стандартом {successor}; сертификаты по нему действительны "
                       "до {deadline}. План перехода: <code>isodocs migrate {catalog} {successor_id}</code>.",
    "site.transition_over": "Переходный период окончен: {name} заменён стандартом {successor}, сертификаты по нему "
                            "истекли {deadline}. Переход: <code>isodocs migrate {catalog} {successor_id}</code>.",
    "site.edition": "Редакция: {status}, опубликована {published}.",
    "site.kind_additions": "Дополнения к {bases}: каждый пункт дополняет указанный рядом пункт базового стандарта, "
                           "остальное показывает страница покрытия базового стандарта.",
    "site.kind_guidance": "Руководство, не для сертификации: в готовность входят только пункты, указанные в "
                          "<code>required:</code> в isodocs.yml; остальные показывают, какие документы им следуют.",
    "site.extends": "(дополняет {clauses})",
    "site.risk_process": "Как реестр следует ISO 31000",
    "site.risk_process_note": "Область применения, среда и критерии риска (ISO 31000, 6.3) установлены в процедуре "
                              "менеджмента риска; каждое поле реестра фиксирует один из следующих шагов процесса.",
    "site.field": "Поле",
    "site.process_step": "Шаг процесса ISO 31000",
    "site.status_current": "действующая",
    "site.status_superseded": "заменённая",
    "value.policy": "политика",
    "value.procedure": "процедура",
    "value.plan": "план",
    "value.record": "запись",
    "value.register": "реестр",
    "value.form": "форма",
    "value.manual": "руководство",
    "value.guideline": "руководящие указания",
    "value.draft": "проект",
    "value.in-review": "на согласовании",
    "value.approved": "утверждён",
    "value.retired": "отменён",
    "value.public": "общедоступная",
    "value.internal": "для внутреннего использования",
    "value.confidential": "конфиденциальная",
    "value.restricted": "строго конфиденциальная",
    "value.reduce": "снижение",
    "value.accept": "принятие",
    "value.avoid": "избежание",
    "value.transfer": "передача",
    "value.major": "значительное",
    "value.minor": "незначительное",
    "value.observation": "замечание",
    "value.planned": "запланирована",
    "value.in-progress": "внедряется",
    "value.implemented": "внедрена",
    "checklist.question-maintained": "Утверждена ли и актуальна ли документированная информация по теме «{title}», "
                                     "доступна ли она там, где нужна? Изучите её.",
    "checklist.question-retained": "Какие записи подтверждают выполнение требований «{title}»? Проверьте выборку "
                                   "записей на полноту.",
    "checklist.question-both": "Утверждена ли и актуальна ли документированная информация по теме «{title}» и "
                               "подтверждают ли записи её выполнение? Изучите и то, и другое.",
    "checklist.question-none": "Как организация выполняет требования «{title}», кто за это отвечает и что "
                               "подтверждает результативность? Попросите привести примеры.",
    "checklist.control-question": "Внедрена ли мера «{title}» и действует ли она так, как сказано в Положении о "
                                  "применимости? Изучите документы и проверьте выборку записей, подтверждающих её "
                                  "работу.",
    "checklist.finding-conformity": "Соответствие",
    "checklist.finding-minor": "Незначительное несоответствие",
    "checklist.finding-major": "Значительное несоответствие",
    "checklist.finding-improvement": "Возможность для улучшения",
    "checklist.head-clause": "Пункт",
    "checklist.head-part-of": "Раздел",
    "checklist.head-title": "Название",
    "checklist.head-question": "Вопрос",
    "checklist.head-justification": "Обоснование в ПоП",
    "checklist.head-documents": "Документы для изучения",
    "checklist.head-evidence": "Свидетельства",
    "checklist.head-finding": "Вывод",
    "checklist.block-organization": "Организация",
    "checklist.block-criteria": "Критерии аудита",
    "checklist.block-scope": "Область аудита",
    "checklist.block-date": "Дата аудита",
    "checklist.block-auditor": "Аудитор",
    "checklist.block-auditee": "Проверяемое подразделение",
    "checklist.block-prepared": "Подготовлено",
    "import.revision-history": "История изменений",
    "import.document-information": "Сведения о документе",
    "import.field": "Поле",
    "import.value": "Значение",
    "count-errors": "{count} {count|ошибка|ошибки|ошибок}",
    "diff.errors": "### Ошибки",
    "diff.warnings": "### Предупреждения",
    "diff.no-changes": "Управляемые документы не изменены.",
    "diff.documents-head": "| Изменение | Документ | Версия | Что изменилось |",
    "diff.text": "текст",
    "diff.clauses": "пункты",
    "diff.metadata": "метаданные",
    "diff.owner": "владелец",
    "diff.approver": "утверждающий",
    "diff.agree": " — ⚠️ нужно согласие: {roles}",
    "diff.unapproved": " — ⚠️ утверждённый текст изменён без новой версии и утверждения",
    "diff.kind-added": "добавлен",
    "diff.kind-removed": "удалён",
    "diff.kind-renamed": "переименован",
    "diff.kind-changed": "изменён",
    "diff.coverage": "### Покрытие",
    "diff.coverage-head": "| Стандарт | Пункт | До | После |",
    "diff.readiness": "### Готовность",
    "diff.readiness-head": "| Стандарт | До | После |",
    "diff.reviewers": "### Нужна проверка",
    "site.state_not-required": "не требуется",
    "cli.error": "ошибка",
    "cli.rules-severity-error": "ошибка",
    "cli.rules-severity-warning": "предупреждение",
    "cli.rules-severity-off": "выключено",
    "cli.rules-stage": " (на этапе подготовки — предупреждение)",
    "cli.rules-fix": "Как исправить: {fix}",
    "cli.hint": "подсказка",
    "cli.warning": "предупреждение",
    "cli.note": "примечание",
    "cli.approved": "{id}: версия {version} утверждена ролью {by} {date}",
    "cli.placeholders-left": "в {path} ещё {count} {count|шаблонная вставка|шаблонные вставки|шаблонных вставок}; "
                             "`isodocs check` не пройдёт, пока их не заменят",
    "cli.approver-other": "{id} утверждает {approver}, а не {by}; ничего не изменено",
    "cli.self-approval": "{by} — владелец {id} и не может его утвердить (разделение обязанностей); ничего не изменено",
    "cli.self-approval-hint": "пусть утвердит роль утверждающего, или разрешите самоутверждение: `approvals: "
                              "{{allow_self_approval: true}}` в isodocs.yml",
    "cli.unknown-role": "'{role}' — такой роли нет в isodocs.yml",
    "cli.roles": "роли: {roles}",
    "cli.no-roles": "не заданы",
    "cli.future-date": "--date {date} — дата в будущем (сегодня {today}); {what} нельзя записать заранее",
    "cli.what-review": "пересмотр",
    "cli.what-approval": "утверждение",
    "cli.reviewed": "{id}: пересмотр ролью {by} {date} записан в {path}",
    "cli.added": "{id}: создан проект {path}",
    "cli.codeowners-stale": "{path} устарел: выполните `isodocs codeowners` и зафиксируйте его",
    "cli.codeowners-current": "{path} актуален",
    "cli.codeowners-written": "{path} записан",
    "cli.codeowners-unchanged": "{path} уже актуален",
    "cli.history-shallow": "примечание: клон неполный (shallow), ранней истории нет; загрузите её: git fetch "
                           "--unshallow",
    "cli.history-deleted": "удалён",
    "cli.history-created": "создан",
    "cli.history-approval": "утверждение",
    "cli.history-change": "изменение",
    "cli.history-metadata": "метаданные",
    "cli.history-merge": "слияние:{kind}",
    "cli.site-staged": "isodocs: для {generator} подготовлено файлов: {count}; не публикуется: {hidden}",
    "cli.site-failed": "isodocs: {generator} завершился с ошибкой (код {code}); {target} не изменён",
    "cli.site-written": "isodocs: сайт записан в {target}",
    "cli.scan-named": "isodocs: примечание: опубликованные страницы сами называют {kind} '{text}' скрытого {path}; "
                      "это не считается утечкой",
    "cli.scan-hit": "{file}: {kind} '{text}' скрытого {path}",
    "cli.scan-found": "isodocs: следов скрытых документов в {site}: {count}",
    "cli.scan-clean": "isodocs: {site}: следов скрытых файлов ({hidden}) нет (проверено следов: {looked})",
    "cli.scan-kind-id": "код",
    "cli.scan-kind-file": "файл",
    "cli.scan-kind-address": "адрес",
    "cli.scan-kind-title": "название",
    "cli.scan-kind-commit subject": "тема коммита",
    "cli.scan-kind-text": "текст",
    "document-status": "{id} ({status})",
    "status-overdue": "утверждён, но пересмотр просрочен",
    "soa-undecided": "{label}: решение ещё не принято; укажите `applicable: true` или `applicable: false`",
    "cli.new-created": "Создан репозиторий {project}: {count} {count|начальный документ|начальных документа|начальных "
                       "документов}.\nДалее: `cd {project} && isodocs check`",
    "cli.future-date-hint": "укажите день, когда это было (`--today ДАТА` задаёт сегодняшнюю дату)",
    "diff.title": "## isodocs: что делает это изменение (`{base}` → {head})",
    "diff.working-tree": "рабочая копия",
    "checklist.title": "Лист проверки внутреннего аудита: {standard}",
    "cli.approver-other-hint": "попросите {person} утвердить документ или передайте `--change-approver`, чтобы "
                               "утверждающим стал {by} (`isodocs diff` покажет это изменение на проверку)",
    "export.statement-of-applicability": "Положение о применимости",
    "export.standard": "Стандарт",
    "export.control": "Мера",
    "export.title": "Название",
    "export.applicable": "Применима",
    "export.reasons-for-selection": "Причины выбора",
    "export.justification": "Обоснование",
    "export.implementation-status": "Статус внедрения",
    "export.implementing-documents": "Реализующие документы",
    "export.decided-in": "Где принято решение",
    "export.state-in-isodocs": "Состояние в isodocs",
    "export.organization": "Организация",
    "export.soa-id": "Код ПоП",
    "export.version": "Версия",
    "export.status": "Статус",
    "export.approver": "Утверждает",
    "export.approval-date": "Дата утверждения",
    "export.date-exported": "Дата выгрузки",
    "export.document-register": "Реестр документов",
    "export.id": "Код",
    "export.type": "Тип",
    "export.owner": "Владелец",
    "export.approved": "Утверждён",
    "export.last-review": "Последний пересмотр",
    "export.next-review": "Следующий пересмотр",
    "export.classification": "Гриф",
    "export.clauses": "Пункты",
    "export.file": "Файл",
    "export.risk-register": "Реестр рисков",
    "export.risk": "Риск",
    "export.asset-or-process": "Актив или процесс",
    "export.threat": "Угроза",
    "export.likelihood": "Вероятность",
    "export.impact": "Последствия",
    "export.risk-level": "Уровень риска",
    "export.risk-owner": "Владелец риска",
    "export.treatment": "Обработка",
    "export.controls": "Меры",
    "export.residual-likelihood": "Остаточная вероятность",
    "export.residual-impact": "Остаточные последствия",
    "export.residual-level": "Остаточный уровень",
    "export.treatment-action": "Мероприятие по обработке",
    "export.action-due": "Срок мероприятия",
    "export.register": "Реестр",
    "export.above-acceptance": "Выше допустимого",
    "export.nonconformities-and-corrective-actions": "Несоответствия и корректирующие действия",
    "export.nonconformity": "Несоответствие",
    "export.raised": "Выявлено",
    "export.source": "Источник",
    "export.clause": "Пункт",
    "export.grade": "Категория",
    "export.due": "Срок",
    "export.root-cause": "Коренная причина",
    "export.corrective-action": "Корректирующее действие",
    "export.verification": "Проверка результативности",
    "export.closed": "закрыто",
    "export.yes": "Да",
    "export.no": "Нет",
    "export.not-decided": "Не решено",
    "export.not-yet-no-approved-current-document-implements-it": "ещё нет: ни один утверждённый актуальный документ "
                                                                 "её не реализует",
    "export.risk-treatment": "Обработка рисков",
    "export.legal-or-regulatory-requirement": "Законодательное или нормативное требование",
    "export.contractual-obligation": "Договорное обязательство",
    "export.business-requirement": "Требование бизнеса",
    "export.overdue": "просрочено",
    "export.open": "открыто",
    "export.written": "{title}: {count} {count|строка записана|строки записаны|строк записано} в {output}",
    "close-unevidenced": "запишите свидетельство работы меры (`evidence:` в записи) и утвердите запись; Положение о "
                         "применимости ожидает его {frequency}",
    "evidence-stale": "{label}: свидетельства работы ожидаются {frequency}; последнее, {date} ({what}, в {record}), "
                      "нужно было обновить {due} ({days} дн. назад); запишите новое и утвердите запись",
    "evidence-none": "{label}: свидетельства работы ожидаются {frequency}, но ни одна утверждённая запись их не "
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
    "task-evidence": "Записать свидетельство работы меры {control} ({frequency})",
    "site.state_unevidenced": "просрочены свидетельства работы",
    "site.evidence": "Свидетельства работы",
    "value.legal": "требование закона или регулятора",
    "site.acceptance_none": "Допустимый уровень риска не задан (<code>defaults.risk_acceptance</code> в isodocs.yml).",
    "site.evidence_overdue": "просрочено с {due}",
    "value.contractual": "договорное обязательство",
    "site.acceptance": "Допустимый уровень риска: {level} (вероятность × последствия); ячейки выше него обведены, "
                       "риски выше него отмечены ▲ в реестре.",
    "site.evidence_none": "в утверждённых записях нет",
    "value.business": "требование бизнеса",
    "site.above_acceptance": "выше допустимого уровня",
    "site.reasons": "Основания выбора",
    "site.approved_by": "Утвердил",
    "site.evidence_expected": "ожидаются {frequency}",
    "site.evidence_next": "следующее до {due}",
    "value.risk-treatment": "обработка рисков",
    "cli.history-approved-by": "  [утвердил: {role}]",
    "export.evidence-expected": "Ожидаемые свидетельства",
    "export.latest-evidence": "Последнее свидетельство",
    "export.evidence-date": "Дата свидетельства",
    "export.evidence-status": "Состояние свидетельств",
    "export.evidence-state-none": "просрочено: в утверждённых записях нет",
    "export.evidence-state-overdue": "просрочено с {due}",
    "export.evidence-state-current": "актуально, следующее до {due}",
    "checklist.head-recorded": "Записанные свидетельства работы",
    "cli.what-evidence": "свидетельство",
    "cli.what-document": "документ",
    "cli.evidence-recorded": "{where}: свидетельство по {shown} от {date} записано в {id}",
    "cli.evidence-approved": "{id} утверждён, поэтому запись его меняет: она учитывается после утверждения новой "
                             "версии (`isodocs approve {id} --by {role}`)",
    "cli.evidence-waits": "запись учитывается после утверждения {id} ({status})",
    "migrate.title-write": "Переход с {source} на {target} (карта: {map})",
    "migrate.title-preview": "План перехода с {source} на {target} (карта: {map})",
    "migrate.kept": "Оставлены как есть (исторические записи прежней редакции):",
    "migrate.decide": "Решить человеку:",
    "migrate.reapprove": "Утверждённые документы, у которых меняется перечень пунктов, — утвердите их снова (`isodocs "
                         "approve DOC --by ROLE`):",
    "migrate.notes": "Примечания:",
    "migrate.nothing-written": "Ничего не записано. Чтобы применить, запустите снова с `--write` (при зафиксированной "
                               "рабочей копии).",
    "cli.progress": "isodocs: {done} из {total} {total|страницы|страниц|страниц}{share}",
    "site.pdf_manual": "Руководство по системе менеджмента",
    "site.pdf_contents": "Содержание",
    "site.pdf_organization": "Организация",
    "site.pdf_page": "Стр.",
    "site.pdf_of": "из",
    "site.pdf_uncontrolled": "Распечатанная копия не контролируется: действует версия в электронном руководстве.",
    "site.pdf_generated": "Сформировано isodocs {date}; документов: {count}.",
    "site.pdf_mark_draft": "ПРОЕКТ",
    "site.pdf_mark_in-review": "НА СОГЛАСОВАНИИ",
    "site.pdf_mark_retired": "ОТМЕНЁН",
    # what each rule (isodocs/model/rules.py) means and how to fix it, as `isodocs rules` shows them
    "rule.clause-uncovered.meaning": "Пункт, требующий документированной информации, не закрыт ни одним утверждённым "
                                     "документом с непросроченным пересмотром.",
    "rule.clause-uncovered.fix": "Укажите пункт в `clauses:` утверждённого документа либо утвердите и пересмотрите "
                                 "документ, который его называет.",
    "rule.clause-draft-only.meaning": "Обязательный пункт закрыт только документами, которые ещё в проекте или на "
                                      "согласовании.",
    "rule.clause-draft-only.fix": "Утвердите один из документов, которые его называют (`isodocs approve DOC --by "
                                  "ROLE`).",
    "rule.clause-unknown.meaning": "Документ называет пункт или меру, которых нет в каталоге, или каталог вне "
                                   "области.",
    "rule.clause-unknown.fix": "Исправьте номер (номера — строки, например \"5.10\" или \"A.5.1\"); см. `isodocs "
                               "standards show ID`.",
    "rule.owner-missing.meaning": "У управляемого документа нет владельца.",
    "rule.owner-missing.fix": "Добавьте `owner:` с идентификатором роли из isodocs.yml.",
    "rule.owner-unknown.meaning": "Владелец или утверждающий документа — не роль, описанная в isodocs.yml.",
    "rule.owner-unknown.fix": "Укажите роль из `roles:` в isodocs.yml или добавьте её туда.",
    "rule.review-missing.meaning": "У утверждённого документа нет даты `last_reviewed`, поэтому следующий пересмотр "
                                   "нельзя запланировать.",
    "rule.review-missing.fix": "Зафиксируйте пересмотр: `isodocs review DOC --by ROLE` или задайте `last_reviewed:`.",
    "rule.review-overdue.meaning": "Срок следующего пересмотра документа (последний пересмотр плюс его периодичность)"
                                   " прошёл.",
    "rule.review-overdue.fix": "Пересмотрите документ и отметьте это: `isodocs review DOC --by ROLE`.",
    "rule.review-due-soon.meaning": "Следующий пересмотр документа попадает в окно `due_soon` из isodocs.yml.",
    "rule.review-due-soon.fix": "Запланируйте пересмотр с владельцем до срока.",
    "rule.approval-missing.meaning": "У документа со статусом «утверждён» нет утверждающего, даты утверждения или "
                                     "версии.",
    "rule.approval-missing.fix": "Задайте `approver:`, `approved:` и `version:` или выполните `isodocs approve DOC "
                                 "--by ROLE`.",
    "rule.changed-since-approval.meaning": "Текст или карта пунктов утверждённого документа изменились в git после "
                                           "утвердившей его фиксации, без новой версии и утверждения.",
    "rule.changed-since-approval.fix": "Утвердите изменение (`isodocs approve DOC --by ROLE`) или отмените правку.",
    "rule.history-missing.meaning": "Утверждённые документы нельзя проверить: нет истории git, в которой они "
                                    "утверждались (неполный клон, подмены истории или утвердившая фиксация вне "
                                    "доступной истории).",
    "rule.history-missing.fix": "Загрузите полную историю: в GitHub шаг `actions/checkout` с `fetch-depth: 0`; в "
                                "GitLab CI `GIT_DEPTH: 0`; в локальном клоне `git fetch --unshallow`.",
    "rule.history-skipped.meaning": "Утверждения не сверены с историей git: указан `check --no-history` или "
                                    "репозиторий не в git.",
    "rule.history-skipped.fix": "Запустите `isodocs check` в репозитории git без `--no-history`, прежде чем "
                                "полагаться на утверждения.",
    "rule.approval-self.meaning": "Владелец утверждённого документа сам его и утвердил (разделение обязанностей).",
    "rule.approval-self.fix": "Укажите в `approver:` другую роль и утвердите заново или разрешите это через "
                              "`approvals: {{allow_self_approval: true}}` в isodocs.yml.",
    "rule.approval-unverified.meaning": "При заданном `approvals.verify` фиксация, утвердившая текущую версию "
                                        "документа, создана (`author`) или подписана (`signature`) не участником роли "
                                        "утверждающего.",
    "rule.approval-unverified.fix": "Пусть фиксацию сделает (или подпишет) участник роли утверждающего, или "
                                    "перечислите его в `members:` этой роли в isodocs.yml.",
    "rule.approval-removed.meaning": "`isodocs diff`: утверждённый документ удалён, не будучи сначала отменён.",
    "rule.approval-removed.fix": "Задайте `status: retired` и сохраните документ: ISO ожидает, что устаревшие "
                                 "документы отменяются и хранятся.",
    "rule.id-duplicate.meaning": "Несколько документов носят один и тот же идентификатор.",
    "rule.id-duplicate.fix": "Дайте каждому документу свой идентификатор; `isodocs add` подбирает свободный.",
    "rule.frontmatter-invalid.meaning": "Заголовок файла не читается: YAML с ошибкой разбора, незакрытый заголовок, "
                                        "байты не в UTF-8, файл не открывается.",
    "rule.frontmatter-invalid.fix": "Исправьте YAML в указанной строке: отступы пробелами, значения с «: » в "
                                    "кавычках, а внутри `{{...}}` в кавычках значения с запятой (или запишите "
                                    "отображение блоком, по `key: value` в строке).",
    "rule.schema-invalid.meaning": "Заголовок читается, но не соответствует схеме документа: нет нужного ключа или "
                                   "лишний ключ, значение не того типа, невозможная или будущая дата.",
    "rule.schema-invalid.fix": "Исправьте ключ или значение в указанной строке; схема описана в справочнике.",
    "rule.link-broken.meaning": "Ссылка из документа ведёт на файл, которого нет в репозитории.",
    "rule.link-broken.fix": "Исправьте относительный путь или верните файл.",
    "rule.link-hidden.meaning": "Публикуемая страница ссылается на файл, который `publish.max_classification` не "
                                "пускает на сайт: ссылка покажет имя скрытого файла и никуда не приведёт.",
    "rule.link-hidden.fix": "Уберите ссылку или понизьте гриф файла, если его можно публиковать.",
    "rule.soa-missing-decision.meaning": "По мере из приложения A нет решения в Положении о применимости (решения "
                                         "учитываются, когда Положение утверждено и не просрочено: см. "
                                         "soa-draft-only).",
    "rule.soa-missing-decision.fix": "Добавьте меру в `applicability:` Положения с `applicable: true` или `false`.",
    "rule.soa-unjustified-exclusion.meaning": "Мера из приложения A исключена в Положении о применимости без "
                                              "обоснования.",
    "rule.soa-unjustified-exclusion.fix": "Напишите в `justification:`, почему мера не применяется.",
    "rule.soa-unimplemented.meaning": "Для применимой меры из приложения A нет документа, который её реализует.",
    "rule.soa-unimplemented.fix": "Укажите меру в `clauses:` реализующего документа или перечислите его в "
                                  "`documents:`.",
    "rule.soa-draft-only.meaning": "Мера из приложения A пока не учитывается, потому что опирается на недействующие "
                                   "документы: решение по ней в неутверждённом (или просроченном) Положении о "
                                   "применимости, или применимая мера реализована только проектами либо документами с"
                                   " просроченным пересмотром. Учитываются только утверждённые актуальные документы.",
    "rule.soa-draft-only.fix": "Утвердите Положение о применимости и утвердите (или пересмотрите) один реализующий "
                               "документ.",
    "rule.evidence-stale.meaning": "У применимой меры из приложения A, для которой решение в Положении о применимости"
                                   " задаёт `frequency:`, нет свидетельства работы в утверждённой записи, или "
                                   "последнее свидетельство старше, чем допускает эта периодичность. Включается по "
                                   "желанию: меры без `frequency:` не отслеживаются.",
    "rule.evidence-stale.fix": "Запишите свидетельство в `evidence:` записи (дата, кто, что, меры, файлы или ссылка) "
                               "и утвердите запись; или измените `frequency:` в Положении, если мера должна работать "
                               "реже.",
    "rule.placeholder-left.meaning": "В утверждённом документе остался текст-заготовка (`TODO`, `TBD`, `FIXME`, "
                                     "`[[...]]`).",
    "rule.placeholder-left.fix": "Замените заготовку собственным текстом организации до утверждения.",
    "rule.risk-review-overdue.meaning": "Срок пересмотра риска в реестре рисков прошёл.",
    "rule.risk-review-overdue.fix": "Переоцените риск с его владельцем и задайте новую дату `review:`.",
    "rule.risk-action-overdue.meaning": "Действие по обработке риска (`action:` с `due:` в реестре рисков) просрочено"
                                        " и не отмечено выполненным.",
    "rule.risk-action-overdue.fix": "Выполните действие и запишите дату в `done:` или согласуйте с владельцем риска "
                                    "новую дату `due:`.",
    "rule.risk-above-acceptance.meaning": "Уровень риска (вероятность × последствия) выше `defaults.risk_acceptance` "
                                          "в isodocs.yml, но риск принят (`treatment: accept`) или для него нет ни "
                                          "мер, ни действия по обработке.",
    "rule.risk-above-acceptance.fix": "Обработайте риск (меры и действие со сроком) или пусть высшее руководство явно"
                                      " примет его с записанным обоснованием; риски на уровне приемлемости и ниже "
                                      "можно принимать.",
    "rule.risk-control-inapplicable.meaning": "Риск обрабатывается мерой из приложения A, которую Положение о "
                                              "применимости исключает или по которой нет решения.",
    "rule.risk-control-inapplicable.fix": "Отметьте меру применимой в Положении или обработайте риск другой мерой.",
    "rule.audit-programme-gap.meaning": "Программа внутренних аудитов оставляет пункты стандарта непроверенными в "
                                        "течение цикла аудитов.",
    "rule.audit-programme-gap.fix": "Запланируйте в `audits:` аудиты, которые вместе охватывают каждый пункт за "
                                    "`defaults.audit_cycle`.",
    "rule.management-review-overdue.meaning": "Анализ со стороны руководства не записан в утверждённой записи, или "
                                              "последний старше `defaults.management_review`. Анализ в записи-проекте"
                                              " не учитывается.",
    "rule.management-review-overdue.fix": "Проведите анализ со стороны руководства, запишите его как "
                                          "`management_review: {{held: DATE}}` и утвердите запись.",
    "rule.certification-audit-at-risk.meaning": "До надзорного или ресертификационного аудита меньше 90 дней, а "
                                                "значительные несоответствия открыты, пересмотры просрочены или у "
                                                "пунктов нет утверждённого документа.",
    "rule.certification-audit-at-risk.fix": "Сначала закройте значительные несоответствия, пересмотрите просроченные "
                                            "документы и утвердите недостающие.",
    "rule.initial-audit-unprepared.meaning": "До первичного сертификационного аудита (`certification.initial`) меньше"
                                             " 90 дней (или он прошёл), а полный внутренний аудит не проведён (все "
                                             "пункты с 4 по 10 и все применимые меры приложения A в утверждённой "
                                             "программе) или анализ со стороны руководства не записан в утверждённой "
                                             "записи.",
    "rule.initial-audit-unprepared.fix": "Проведите полный внутренний аудит и отметьте его `done:` в утверждённой "
                                         "программе, а также проведите анализ со стороны руководства до приезда "
                                         "органа по сертификации.",
    "rule.stage-not-certified.meaning": "Дата выдачи сертификата (`certification.issued`) прошла, а `stage:` всё ещё "
                                        "`preparation`, поэтому пробелы в охвате и в Положении о применимости "
                                        "остаются лишь предупреждениями.",
    "rule.stage-not-certified.fix": "Задайте `stage: certified` в isodocs.yml: пробелы станут ошибками, как и нужно "
                                    "сертифицированной системе.",
    "rule.edition-superseded.meaning": "Стандарт в isodocs.yml — редакция, заменённая более новой: предупреждение в "
                                       "переходный период и ошибка, когда срок перехода (из сведений о редакции в "
                                       "каталоге) прошёл.",
    "rule.edition-superseded.fix": "Перейдите на новую редакцию: `isodocs migrate OLD NEW` показывает правку, "
                                   "`--write` вносит её.",
    "rule.catalog-base-missing.meaning": "Каталог дополнений (например, AQAP 2110, дополняющий ISO 9001) в области "
                                         "без какой-либо редакции стандарта, который он дополняет, и его требованиям "
                                         "не на что опереться.",
    "rule.catalog-base-missing.fix": "Добавьте базовый стандарт в `standards:` (для AQAP 2110 — iso9001-2015 или "
                                     "iso9001-2026) или уберите дополнения.",
    "rule.catalog-incomplete.meaning": "В каталоге из области заведомо не хватает записей (`incomplete:` в сведениях "
                                       "о редакции), поэтому охват, Положение о применимости и готовность по нему не "
                                       "могут быть полными.",
    "rule.catalog-incomplete.fix": "Определите недостающие записи по своему экземпляру стандарта (их может нести "
                                   "собственный каталог в catalogs/); когда они учтены, отключите правило в `rules:`.",
    "rule.migration-decision.meaning": "`isodocs migrate` оставил решение человеку: пункт разделён на два, новый "
                                       "пункт не закрыт ни одним документом, два исключения пришлись на один пункт.",
    "rule.migration-decision.fix": "Исправьте карты пунктов, как сказано в сообщении, затем выполните `isodocs "
                                   "check`.",
    "rule.nonconformity-overdue.meaning": "Несоответствие всё ещё открыто после срока; закрытие учитывается, только "
                                          "когда его запись утверждена.",
    "rule.nonconformity-overdue.fix": "Закройте его (`closed:` с датой и проверкой) и утвердите запись или согласуйте"
                                      " новый срок.",
}
