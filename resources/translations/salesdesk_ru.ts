<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>ClientCard</name>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="197"/>
        <source>Requisites</source>
        <translation>Реквизиты</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="198"/>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="199"/>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="200"/>
        <source>Deals</source>
        <translation>Сделки</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="201"/>
        <source>Reminders</source>
        <translation>Напоминания</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="204"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="205"/>
        <source>Save the card (Ctrl+S)</source>
        <translation>Сохранить карточку (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="207"/>
        <source>Revert</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="208"/>
        <source>Drop the changes and show what is saved</source>
        <translation>Отменить изменения и вернуть сохранённые данные</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="220"/>
        <source>&amp;Save client</source>
        <translation>&amp;Сохранить клиента</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="223"/>
        <source>&amp;Revert changes</source>
        <translation>&amp;Отменить изменения</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="261"/>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="265"/>
        <source>&amp;Kind:</source>
        <translation>Ви&amp;д:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="269"/>
        <source>S&amp;tatus:</source>
        <translation>Ст&amp;атус:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="271"/>
        <source>&amp;INN:</source>
        <translation>&amp;ИНН:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="272"/>
        <source>KPP:</source>
        <translation>КПП:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="273"/>
        <location filename="../../salesdesk/ui/card.py" line="597"/>
        <source>OGRN:</source>
        <translation>ОГРН:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="274"/>
        <source>Ind&amp;ustry:</source>
        <translation>От&amp;расль:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="275"/>
        <source>&amp;Owner:</source>
        <translation>&amp;Ответственный:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="277"/>
        <source>&amp;Phone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="148"/>
        <source>Select a client in the list to see the card,
or create a new one (%1).</source>
        <translation>Выберите клиента в списке, чтобы открыть карточку,
или создайте нового (%1).</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="270"/>
        <source>Full le&amp;gal name:</source>
        <translation>Полное наи&amp;менование:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="276"/>
        <source>Contact details</source>
        <translation>Контактные данные</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="278"/>
        <source>E-&amp;mail:</source>
        <translation>E-&amp;mail:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="279"/>
        <source>&amp;Legal address:</source>
        <translation>&amp;Юридический адрес:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="280"/>
        <source>Postal address:</source>
        <translation>Почтовый адрес:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="281"/>
        <source>City:</source>
        <translation>Город:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="282"/>
        <source>Bank details</source>
        <translation>Банковские реквизиты</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="283"/>
        <source>Bank:</source>
        <translation>Банк:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="284"/>
        <source>BIK:</source>
        <translation>БИК:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="285"/>
        <source>Account:</source>
        <translation>Расчётный счёт:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="286"/>
        <source>Corr. account:</source>
        <translation>Корр. счёт:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="287"/>
        <source>Other</source>
        <translation>Прочее</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="288"/>
        <source>Source:</source>
        <translation>Источник:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="290"/>
        <source>Comma-separated, e.g. VIP, Wholesale</source>
        <translation>Через запятую, например: VIP, опт</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="291"/>
        <source>Tags:</source>
        <translation>Метки:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="294"/>
        <source>Notes:</source>
        <translation>Заметки:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="295"/>
        <source>10 digits for a company, 12 for a sole trader or a person</source>
        <translation>10 цифр у организации, 12 — у ИП и физлица</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="296"/>
        <source>9 characters, companies only</source>
        <translation>9 символов, только у организаций</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="297"/>
        <source>Any format, e.g. 8 (495) 123-45-67</source>
        <translation>Любой формат: 8 (495) 123-45-67</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="298"/>
        <source>9 digits, starts with 04</source>
        <translation>9 цифр, начинается с 04</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="330"/>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="330"/>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="330"/>
        <source>Age</source>
        <translation>Возраст</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="330"/>
        <source>Phones</source>
        <translation>Телефоны</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="330"/>
        <source>E-mails</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="331"/>
        <source>Save the new card first, then add its contact persons.</source>
        <translation>Сначала сохраните новую карточку, затем добавьте контактных лиц.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="334"/>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="335"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="336"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="354"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="354"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="354"/>
        <source>Summary</source>
        <translation>Содержание</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="354"/>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="354"/>
        <source>Manager</source>
        <translation>Менеджер</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="355"/>
        <source>No calls, meetings or letters recorded yet.</source>
        <translation>Звонков, встреч и писем пока нет.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="365"/>
        <source>Deal</source>
        <translation>Сделка</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="365"/>
        <source>Stage</source>
        <translation>Стадия</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="365"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="365"/>
        <source>Opened</source>
        <translation>Открыта</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="365"/>
        <source>Closed</source>
        <translation>Закрыта</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="366"/>
        <source>Contract ends</source>
        <translation>Окончание договора</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="367"/>
        <source>No deals with this client yet.</source>
        <translation>С этим клиентом пока нет сделок.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="377"/>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="377"/>
        <location filename="../../salesdesk/ui/card.py" line="864"/>
        <source>Reminder</source>
        <translation>Напоминание</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="377"/>
        <source>Repeat</source>
        <translation>Повтор</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="377"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="379"/>
        <source>Remind me…</source>
        <translation>Напомнить…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="381"/>
        <source>Done</source>
        <translation>Завершить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="382"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="424"/>
        <source>— not set —</source>
        <translation>— не указано —</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="567"/>
        <source>done</source>
        <translation>выполнено</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="569"/>
        <source>overdue</source>
        <translation>просрочено</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="571"/>
        <source>snoozed</source>
        <translation>отложено</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="597"/>
        <source>OGRNIP:</source>
        <translation>ОГРНИП:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="626"/>
        <location filename="../../salesdesk/ui/card.py" line="722"/>
        <source>New client</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="629"/>
        <source>No. %d</source>
        <translation>№ %d</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/card.py" line="639"/>
        <source>and %n more</source>
        <translation>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="640"/>
        <source>Missing: %s</source>
        <translation>Не заполнено: %s</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="646"/>
        <source>The card is complete.</source>
        <translation>Карточка заполнена полностью.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="657"/>
        <source>Fix the marked fields to save.</source>
        <translation>Исправьте отмеченные поля.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="660"/>
        <source>Changed, not saved.</source>
        <translation>Изменено, не сохранено.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="701"/>
        <source>INN %1 already belongs to %2</source>
        <translation>ИНН %1 уже указан у клиента %2</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="703"/>
        <source>Phone %1 is already on %2</source>
        <translation>Телефон %1 уже есть у клиента %2</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="705"/>
        <source>E-mail %1 is already on %2</source>
        <translation>E-mail %1 уже есть у клиента %2</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="708"/>
        <source>A client with this name exists: %1</source>
        <translation>Клиент с таким названием уже есть: %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="755"/>
        <location filename="../../salesdesk/ui/card.py" line="760"/>
        <source>Not saved: %s</source>
        <translation>Не сохранено: %s</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="763"/>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="815"/>
        <source>Remove contact person</source>
        <translation>Удаление контактного лица</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="816"/>
        <source>Remove %s from this client&apos;s contacts?</source>
        <translation>Удалить %s из контактных лиц клиента?</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="820"/>
        <source>%s removed.</source>
        <translation>Контактное лицо %s удалено.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="820"/>
        <location filename="../../salesdesk/ui/card.py" line="894"/>
        <source>Undo</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="861"/>
        <source>Get back to the client</source>
        <translation>Связаться с клиентом</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="894"/>
        <source>Reminder deleted.</source>
        <translation>Напоминание удалено.</translation>
    </message>
</context>
<context>
    <name>ClientTable</name>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="58"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="66"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="63"/>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="64"/>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="65"/>
        <source>Industry</source>
        <translation>Отрасль</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="59"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="62"/>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="60"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="61"/>
        <source>Next reminder</source>
        <translation>Напоминание</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="67"/>
        <source>Completeness</source>
        <translation>Полнота</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="223"/>
        <source>Missing: %s</source>
        <translation>Не заполнено: %s</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="199"/>
        <location filename="../../salesdesk/ui/dialogs.py" line="309"/>
        <source>Contact person</source>
        <translation>Контактное лицо</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="206"/>
        <source>dd.mm.yyyy</source>
        <translation>дд.мм.гггг</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="210"/>
        <source>One number per line, e.g. +7 916 123-45-67</source>
        <translation>По одному номеру в строке, например +7 916 123-45-67</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="213"/>
        <source>One address per line</source>
        <translation>По одному адресу в строке</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="217"/>
        <source>Main contact for this client</source>
        <translation>Основное контактное лицо клиента</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="219"/>
        <source>Full name:</source>
        <translation>ФИО:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="220"/>
        <source>Position:</source>
        <translation>Должность:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="221"/>
        <source>Birth date:</source>
        <translation>Дата рождения:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="222"/>
        <source>Phones:</source>
        <translation>Телефоны:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="223"/>
        <source>E-mails:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="224"/>
        <source>Note:</source>
        <translation>Примечание:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="279"/>
        <source>Birth date: write it as dd.mm.yyyy, e.g. 25.03.1980</source>
        <translation>Дата рождения: дд.мм.гггг, например 25.03.1980</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/dialogs.py" line="287"/>
        <source>Age: %n</source>
        <translation>
            <numerusform>Возраст: %n год</numerusform>
            <numerusform>Возраст: %n года</numerusform>
            <numerusform>Возраст: %n лет</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../salesdesk/ui/crash.py" line="22"/>
        <source>Something went wrong</source>
        <translation>Что-то пошло не так</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/crash.py" line="23"/>
        <source>SalesDesk ran into an internal error. What you typed is still in the window; save it if you can.</source>
        <translation>В SalesDesk произошла внутренняя ошибка. Введённые данные остались в окне — сохраните их, если получится.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/crash.py" line="26"/>
        <source>Details are in the log: %s</source>
        <translation>Подробности — в журнале: %s</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="37"/>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="43"/>
        <source>Tag</source>
        <translation>Метка</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="48"/>
        <location filename="../../salesdesk/ui/filters.py" line="127"/>
        <source>More</source>
        <translation>Ещё</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="52"/>
        <source>Only with an overdue reminder</source>
        <translation>Только с просроченным напоминанием</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="54"/>
        <source>Completeness below</source>
        <translation>Полнота ниже</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="69"/>
        <source>Clear filters</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="92"/>
        <source>All industries</source>
        <translation>Все отрасли</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="94"/>
        <source>All owners</source>
        <translation>Все менеджеры</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="127"/>
        <source>More (%1)</source>
        <translation>Ещё (%1)</translation>
    </message>
</context>
<context>
    <name>HookDialog</name>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="98"/>
        <source>Next contact</source>
        <translation>Следующий контакт</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="102"/>
        <source>Get back to the client</source>
        <translation>Связаться с клиентом</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="103"/>
        <source>Reminder:</source>
        <translation>Напоминание:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="112"/>
        <source>On a date:</source>
        <translation>В указанный день:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="119"/>
        <source>When:</source>
        <translation>Когда:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="123"/>
        <source>Repeat:</source>
        <translation>Повтор:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="135"/>
        <source>In a month</source>
        <translation>Через месяц</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="136"/>
        <source>In 3 months</source>
        <translation>Через 3 месяца</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="137"/>
        <source>In 6 months</source>
        <translation>Через 6 месяцев</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="138"/>
        <source>In a year</source>
        <translation>Через год</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="168"/>
        <source>On a date or repeating…</source>
        <translation>В указанный день или с повтором…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="78"/>
        <source>Reminders</source>
        <translation>Напоминания</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="108"/>
        <source>Trash</source>
        <translation>Корзина</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="152"/>
        <source>Create a client</source>
        <translation>Создать клиента</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="153"/>
        <source>Load demo data</source>
        <translation>Загрузить демоданные</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="154"/>
        <source>Clear search and filters</source>
        <translation>Сбросить поиск и фильтры</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="182"/>
        <source>&amp;New client</source>
        <translation>Новый &amp;клиент</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="183"/>
        <source>Create a client card</source>
        <translation>Создать карточку клиента</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="184"/>
        <source>Move to &amp;trash</source>
        <translation>&amp;Удалить в корзину</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="186"/>
        <source>Move the selected clients to the trash</source>
        <translation>Переместить выбранных клиентов в корзину</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="189"/>
        <source>&amp;Restore from trash</source>
        <translation>&amp;Восстановить из корзины</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="190"/>
        <location filename="../../salesdesk/ui/main_window.py" line="610"/>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="193"/>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="194"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="195"/>
        <source>Show the &amp;trash</source>
        <translation>Показать &amp;корзину</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="197"/>
        <source>Load &amp;demo data…</source>
        <translation>Загрузить &amp;демоданные…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="198"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="200"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="201"/>
        <source>&amp;About SalesDesk</source>
        <translation>&amp;О программе SalesDesk</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="202"/>
        <source>Remind me in &amp;3 months</source>
        <translation>Напомнить через &amp;3 месяца</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="203"/>
        <source>Plan the next contact with this client in three months</source>
        <translation>Запланировать следующий контакт с клиентом через три месяца</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="211"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="219"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="225"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="227"/>
        <source>&amp;Columns</source>
        <translation>&amp;Столбцы</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="232"/>
        <source>&amp;Client</source>
        <translation>&amp;Клиент</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="243"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="251"/>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="81"/>
        <source>&amp;Reminders panel</source>
        <translation>Панель &amp;напоминаний</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="105"/>
        <source>Search: name, INN, phone, e-mail, contact person (%1)</source>
        <translation>Поиск: название, ИНН, телефон, e-mail, контактное лицо (%1)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="204"/>
        <source>Ne&amp;xt client</source>
        <translation>С&amp;ледующий клиент</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="205"/>
        <source>Pre&amp;vious client</source>
        <translation>П&amp;редыдущий клиент</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="379"/>
        <source>%1 of %Ln in the trash</source>
        <translation>
            <numerusform>%1 из %Ln в корзине</numerusform>
            <numerusform>%1 из %Ln в корзине</numerusform>
            <numerusform>%1 из %Ln в корзине</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="381"/>
        <source>The base is empty</source>
        <translation>База пуста</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="383"/>
        <source>%1 of %Ln client(s)</source>
        <translation>
            <numerusform>%1 из %Ln клиента</numerusform>
            <numerusform>%1 из %Ln клиентов</numerusform>
            <numerusform>%1 из %Ln клиентов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="386"/>
        <source>average completeness %1 %</source>
        <translation>средняя полнота %1 %</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="397"/>
        <source>The trash is empty.</source>
        <translation>Корзина пуста.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="399"/>
        <source>The client base is empty.
Create the first client, or load demo data to try the program.</source>
        <translation>Клиентская база пуста.
Создайте первого клиента или загрузите демоданные, чтобы попробовать программу.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="402"/>
        <source>No clients match the search and filters.</source>
        <translation>По условиям поиска и фильтрам клиентов не найдено.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="429"/>
        <source>Could not load the list: %s</source>
        <translation>Не удалось загрузить список: %s</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="529"/>
        <source>Overdue reminders: %n</source>
        <translation>
            <numerusform>Просрочено напоминаний: %n</numerusform>
            <numerusform>Просрочено напоминаний: %n</numerusform>
            <numerusform>Просрочено напоминаний: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="534"/>
        <source>You have %n overdue reminder(s). They are at the top of the Reminders panel.</source>
        <translation>
            <numerusform>У вас %n просроченное напоминание. Просроченные показаны вверху панели «Напоминания».</numerusform>
            <numerusform>У вас %n просроченных напоминания. Просроченные показаны вверху панели «Напоминания».</numerusform>
            <numerusform>У вас %n просроченных напоминаний. Просроченные показаны вверху панели «Напоминания».</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="536"/>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="569"/>
        <source>Move to trash</source>
        <translation>Удаление в корзину</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="575"/>
        <source>“%s” moved to the trash.</source>
        <translation>Клиент «%s» перемещён в корзину.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="577"/>
        <source>%n client(s) moved to the trash.</source>
        <translation>
            <numerusform>%n клиент перемещён в корзину.</numerusform>
            <numerusform>%n клиента перемещены в корзину.</numerusform>
            <numerusform>%n клиентов перемещено в корзину.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="595"/>
        <source>%n client(s) restored.</source>
        <translation>
            <numerusform>%n клиент восстановлен.</numerusform>
            <numerusform>%n клиента восстановлены.</numerusform>
            <numerusform>%n клиентов восстановлено.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="601"/>
        <source>&amp;Undo: move to trash</source>
        <translation>&amp;Отменить удаление в корзину</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="602"/>
        <source>Undo</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="651"/>
        <source>Reminder: %1 — %2</source>
        <translation>Напоминание: %1 — %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="653"/>
        <source>%n reminder(s) came due.</source>
        <translation>
            <numerusform>Подошёл срок %n напоминания.</numerusform>
            <numerusform>Подошёл срок %n напоминаний.</numerusform>
            <numerusform>Подошёл срок %n напоминаний.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="661"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="668"/>
        <location filename="../../salesdesk/ui/main_window.py" line="673"/>
        <source>Demo data</source>
        <translation>Демоданные</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="669"/>
        <source>How many demo clients to add to this base?</source>
        <translation>Сколько демонстрационных клиентов добавить в базу?</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="673"/>
        <source>Adding demo clients…</source>
        <translation>Добавление демонстрационных клиентов…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="679"/>
        <source>%n demo client(s) added.</source>
        <translation>
            <numerusform>Добавлен %n демонстрационный клиент.</numerusform>
            <numerusform>Добавлено %n демонстрационных клиента.</numerusform>
            <numerusform>Добавлено %n демонстрационных клиентов.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="700"/>
        <source>About SalesDesk</source>
        <translation>О программе SalesDesk</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="701"/>
        <source>&lt;h3&gt;SalesDesk %1&lt;/h3&gt;&lt;p&gt;The client base and sales of a small office: clients and their requisites, contact persons, reminders, deals.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;SalesDesk %1&lt;/h3&gt;&lt;p&gt;Клиентская база и продажи небольшого офиса: клиенты и их реквизиты, контактные лица, напоминания, сделки.&lt;/p&gt;&lt;p&gt;База данных: %2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../../salesdesk/ui/widgets.py" line="75"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>ProgressTask</name>
    <message>
        <location filename="../../salesdesk/ui/progress.py" line="44"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/progress.py" line="65"/>
        <source>Cancelling…</source>
        <translation>Отмена операции…</translation>
    </message>
</context>
<context>
    <name>RemindersPanel</name>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="52"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="52"/>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="52"/>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="186"/>
        <source>Reminder</source>
        <translation>Напоминание</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="63"/>
        <source>No reminders. Plan the next contact from a client&apos;s card: Reminders → Remind me…</source>
        <translation>Напоминаний нет. Следующий контакт планируется в карточке клиента: «Напоминания» → «Напомнить…».</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="68"/>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="228"/>
        <source>Done</source>
        <translation>Завершить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="69"/>
        <source>Mark the reminder done (a repeating one moves to its next date)</source>
        <translation>Отметить напоминание выполненным (повторяющееся переносится на следующую дату)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="70"/>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="229"/>
        <source>Snooze</source>
        <translation>Отложить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="72"/>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="230"/>
        <source>Next contact</source>
        <translation>Следующий контакт</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="73"/>
        <source>Mark done and plan the next contact with this client</source>
        <translation>Завершить и запланировать следующий контакт с этим клиентом</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="75"/>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="227"/>
        <source>Open client</source>
        <translation>Открыть клиента</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="91"/>
        <source>For an hour</source>
        <translation>На час</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="91"/>
        <source>Until tomorrow</source>
        <translation>До завтра</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="92"/>
        <source>Until next week</source>
        <translation>До следующей недели</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="114"/>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="114"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="115"/>
        <source>This week</source>
        <translation>На этой неделе</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="115"/>
        <source>Later</source>
        <translation>Позже</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="34"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="38"/>
        <source>As in the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="42"/>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="43"/>
        <source>The new language applies after a restart.</source>
        <translation>Язык сменится после перезапуска.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="49"/>
        <source>New manager…</source>
        <translation>Новый менеджер…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="52"/>
        <source>I am:</source>
        <translation>Текущий менеджер:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="53"/>
        <source>New clients and reminders are assigned to this manager.</source>
        <translation>Новые клиенты и напоминания назначаются на этого менеджера.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="63"/>
        <source>Offer new terms before a contract ends:</source>
        <translation>Предлагать продление договора за:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/settings_dialog.py" line="77"/>
        <source>day(s)</source>
        <translation>
            <numerusform>день</numerusform>
            <numerusform>дня</numerusform>
            <numerusform>дней</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="81"/>
        <source>— not chosen —</source>
        <translation>— не выбран —</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="92"/>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="98"/>
        <source>New manager</source>
        <translation>Новый менеджер</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="92"/>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
</context>
<context>
    <name>StaleEdit</name>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="95"/>
        <source>The card was changed elsewhere</source>
        <translation>Карточка изменена в другом месте</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="97"/>
        <source>Save mine over it</source>
        <translation>Сохранить мою версию</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="99"/>
        <source>Load the saved version</source>
        <translation>Загрузить сохранённую версию</translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <location filename="../../salesdesk/ui/application.py" line="54"/>
        <source>Cannot open the base:
%s</source>
        <translation>Не удаётся открыть базу:
%s</translation>
    </message>
</context>
<context>
    <name>UnsavedChanges</name>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="50"/>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="51"/>
        <source>Save the changes to “%s”?</source>
        <translation>Сохранить изменения в карточке «%s»?</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="53"/>
        <source>If you don&apos;t save, your changes will be lost.</source>
        <translation>Если не сохранить, изменения будут потеряны.</translation>
    </message>
</context>
</TS>
