<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>ClientCard</name>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="185"/>
        <source>Requisites</source>
        <translation>Реквизиты</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="186"/>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="187"/>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="188"/>
        <source>Deals</source>
        <translation>Сделки</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="189"/>
        <source>Reminders</source>
        <translation>Напоминания</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="192"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="193"/>
        <source>Save the card (Ctrl+S)</source>
        <translation>Сохранить карточку (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="195"/>
        <source>Revert</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="196"/>
        <source>Drop the changes and show what is saved</source>
        <translation>Отменить изменения и вернуть сохранённые данные</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="207"/>
        <source>&amp;Save client</source>
        <translation>&amp;Сохранить клиента</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="210"/>
        <source>&amp;Revert changes</source>
        <translation>&amp;Отменить изменения</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="244"/>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="248"/>
        <source>&amp;Kind:</source>
        <translation>Ви&amp;д:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="252"/>
        <source>S&amp;tatus:</source>
        <translation>Ст&amp;атус:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="254"/>
        <source>&amp;INN:</source>
        <translation>&amp;ИНН:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="255"/>
        <source>KPP:</source>
        <translation>КПП:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="256"/>
        <location filename="../../salesdesk/ui/card.py" line="572"/>
        <source>OGRN:</source>
        <translation>ОГРН:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="257"/>
        <source>Ind&amp;ustry:</source>
        <translation>От&amp;расль:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="258"/>
        <source>&amp;Owner:</source>
        <translation>&amp;Ответственный:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="260"/>
        <source>&amp;Phone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="139"/>
        <source>Select a client in the list to see the card,
or create a new one (%1).</source>
        <translation>Выберите клиента в списке, чтобы открыть карточку,
или создайте нового (%1).</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="253"/>
        <source>Full le&amp;gal name:</source>
        <translation>Полное наи&amp;менование:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="259"/>
        <source>Contact details</source>
        <translation>Контактные данные</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="261"/>
        <source>E-&amp;mail:</source>
        <translation>E-&amp;mail:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="262"/>
        <source>&amp;Legal address:</source>
        <translation>&amp;Юридический адрес:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="263"/>
        <source>Postal address:</source>
        <translation>Почтовый адрес:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="264"/>
        <source>City:</source>
        <translation>Город:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="265"/>
        <source>Bank details</source>
        <translation>Банковские реквизиты</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="266"/>
        <source>Bank:</source>
        <translation>Банк:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="267"/>
        <source>BIK:</source>
        <translation>БИК:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="268"/>
        <source>Account:</source>
        <translation>Расчётный счёт:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="269"/>
        <source>Corr. account:</source>
        <translation>Корр. счёт:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="270"/>
        <source>Other</source>
        <translation>Прочее</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="271"/>
        <source>Source:</source>
        <translation>Источник:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="273"/>
        <source>Comma-separated, e.g. VIP, Wholesale</source>
        <translation>Через запятую, например: VIP, опт</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="274"/>
        <source>Tags:</source>
        <translation>Метки:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="277"/>
        <source>Notes:</source>
        <translation>Заметки:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="278"/>
        <source>10 digits for a company, 12 for a sole trader or a person</source>
        <translation>10 цифр у организации, 12 — у ИП и физлица</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="279"/>
        <source>9 characters, companies only</source>
        <translation>9 символов, только у организаций</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="280"/>
        <source>Any format, e.g. 8 (495) 123-45-67</source>
        <translation>Любой формат: 8 (495) 123-45-67</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="281"/>
        <source>9 digits, starts with 04</source>
        <translation>9 цифр, начинается с 04</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="307"/>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="307"/>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="307"/>
        <source>Age</source>
        <translation>Возраст</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="307"/>
        <source>Phones</source>
        <translation>Телефоны</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="307"/>
        <source>E-mails</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="308"/>
        <source>Save the new card first, then add its contact persons.</source>
        <translation>Сначала сохраните новую карточку, затем добавьте контактных лиц.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="311"/>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="312"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="313"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="331"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="331"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="331"/>
        <source>Summary</source>
        <translation>Содержание</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="331"/>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="331"/>
        <source>Manager</source>
        <translation>Менеджер</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="332"/>
        <source>No calls, meetings or letters recorded yet.</source>
        <translation>Звонков, встреч и писем пока нет.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="341"/>
        <source>Deal</source>
        <translation>Сделка</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="341"/>
        <source>Stage</source>
        <translation>Стадия</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="341"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="341"/>
        <source>Opened</source>
        <translation>Открыта</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="341"/>
        <source>Closed</source>
        <translation>Закрыта</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="342"/>
        <source>Contract ends</source>
        <translation>Окончание договора</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="343"/>
        <source>No deals with this client yet.</source>
        <translation>С этим клиентом пока нет сделок.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="352"/>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="352"/>
        <location filename="../../salesdesk/ui/card.py" line="824"/>
        <source>Reminder</source>
        <translation>Напоминание</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="352"/>
        <source>Repeat</source>
        <translation>Повтор</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="352"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="355"/>
        <source>Remind me…</source>
        <translation>Напомнить…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="358"/>
        <source>Done</source>
        <translation>Завершить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="359"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="401"/>
        <source>— not set —</source>
        <translation>— не указано —</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="542"/>
        <source>done</source>
        <translation>выполнено</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="544"/>
        <source>overdue</source>
        <translation>просрочено</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="546"/>
        <source>snoozed</source>
        <translation>отложено</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="572"/>
        <source>OGRNIP:</source>
        <translation>ОГРНИП:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="598"/>
        <location filename="../../salesdesk/ui/card.py" line="682"/>
        <source>New client</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="601"/>
        <source>No. %d</source>
        <translation>№ %d</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="607"/>
        <source>Missing: %s</source>
        <translation>Не заполнено: %s</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="609"/>
        <source>The card is complete.</source>
        <translation>Карточка заполнена полностью.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="618"/>
        <source>Fix the marked fields to save.</source>
        <translation>Исправьте отмеченные поля.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="620"/>
        <source>Changed, not saved.</source>
        <translation>Изменено, не сохранено.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="661"/>
        <source>INN %1 already belongs to %2</source>
        <translation>ИНН %1 уже указан у клиента %2</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="663"/>
        <source>Phone %1 is already on %2</source>
        <translation>Телефон %1 уже есть у клиента %2</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="665"/>
        <source>E-mail %1 is already on %2</source>
        <translation>E-mail %1 уже есть у клиента %2</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="668"/>
        <source>A client with this name exists: %1</source>
        <translation>Клиент с таким названием уже есть: %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="715"/>
        <location filename="../../salesdesk/ui/card.py" line="720"/>
        <source>Not saved: %s</source>
        <translation>Не сохранено: %s</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="723"/>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="775"/>
        <source>Remove contact person</source>
        <translation>Удаление контактного лица</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="776"/>
        <source>Remove %s from this client&apos;s contacts?</source>
        <translation>Удалить %s из контактных лиц клиента?</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="780"/>
        <source>%s removed.</source>
        <translation>Контактное лицо %s удалено.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="780"/>
        <location filename="../../salesdesk/ui/card.py" line="854"/>
        <source>Undo</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="821"/>
        <source>Get back to the client</source>
        <translation>Связаться с клиентом</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="854"/>
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
        <location filename="../../salesdesk/ui/client_model.py" line="59"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="60"/>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="61"/>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="62"/>
        <source>Industry</source>
        <translation>Отрасль</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="63"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="64"/>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="65"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="66"/>
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
        <location filename="../../salesdesk/ui/dialogs.py" line="197"/>
        <location filename="../../salesdesk/ui/dialogs.py" line="301"/>
        <source>Contact person</source>
        <translation>Контактное лицо</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="203"/>
        <source>dd.mm.yyyy</source>
        <translation>дд.мм.гггг</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="206"/>
        <source>One number per line, e.g. +7 916 123-45-67</source>
        <translation>По одному номеру в строке, например +7 916 123-45-67</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="209"/>
        <source>One address per line</source>
        <translation>По одному адресу в строке</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="213"/>
        <source>Main contact for this client</source>
        <translation>Основное контактное лицо клиента</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="215"/>
        <source>Full name:</source>
        <translation>ФИО:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="216"/>
        <source>Position:</source>
        <translation>Должность:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="217"/>
        <source>Birth date:</source>
        <translation>Дата рождения:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="218"/>
        <source>Phones:</source>
        <translation>Телефоны:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="219"/>
        <source>E-mails:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="220"/>
        <source>Note:</source>
        <translation>Примечание:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="271"/>
        <source>Birth date: write it as dd.mm.yyyy, e.g. 25.03.1980</source>
        <translation>Дата рождения: дд.мм.гггг, например 25.03.1980</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/dialogs.py" line="279"/>
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
        <location filename="../../salesdesk/ui/filters.py" line="25"/>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="33"/>
        <source>Tag</source>
        <translation>Метка</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="37"/>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="38"/>
        <source>Only clients with an overdue reminder</source>
        <translation>Только клиенты с просроченным напоминанием</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="39"/>
        <source>Completeness below</source>
        <translation>Полнота ниже</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="45"/>
        <source>Clear filters</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="69"/>
        <source>All industries</source>
        <translation>Все отрасли</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="71"/>
        <source>All owners</source>
        <translation>Все менеджеры</translation>
    </message>
</context>
<context>
    <name>HookDialog</name>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="97"/>
        <source>Next contact</source>
        <translation>Следующий контакт</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="100"/>
        <source>Get back to the client</source>
        <translation>Связаться с клиентом</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="101"/>
        <source>Reminder:</source>
        <translation>Напоминание:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="110"/>
        <source>On a date:</source>
        <translation>В указанный день:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="117"/>
        <source>When:</source>
        <translation>Когда:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="121"/>
        <source>Repeat:</source>
        <translation>Повтор:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="133"/>
        <source>In a month</source>
        <translation>Через месяц</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="134"/>
        <source>In 3 months</source>
        <translation>Через 3 месяца</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="135"/>
        <source>In 6 months</source>
        <translation>Через 6 месяцев</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="136"/>
        <source>In a year</source>
        <translation>Через год</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="166"/>
        <source>On a date or repeating…</source>
        <translation>В указанный день или с повтором…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="77"/>
        <source>Reminders</source>
        <translation>Напоминания</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="106"/>
        <source>Trash</source>
        <translation>Корзина</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="148"/>
        <source>Create a client</source>
        <translation>Создать клиента</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="149"/>
        <source>Load demo data</source>
        <translation>Загрузить демоданные</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="150"/>
        <source>Clear search and filters</source>
        <translation>Сбросить поиск и фильтры</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="178"/>
        <source>&amp;New client</source>
        <translation>Новый &amp;клиент</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="179"/>
        <source>Create a client card</source>
        <translation>Создать карточку клиента</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="180"/>
        <source>Move to &amp;trash</source>
        <translation>&amp;Удалить в корзину</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="182"/>
        <source>Move the selected clients to the trash</source>
        <translation>Переместить выбранных клиентов в корзину</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="185"/>
        <source>&amp;Restore from trash</source>
        <translation>&amp;Восстановить из корзины</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="186"/>
        <location filename="../../salesdesk/ui/main_window.py" line="601"/>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="189"/>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="190"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="191"/>
        <source>Show the &amp;trash</source>
        <translation>Показать &amp;корзину</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="193"/>
        <source>Load &amp;demo data…</source>
        <translation>Загрузить &amp;демоданные…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="194"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="196"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="197"/>
        <source>&amp;About SalesDesk</source>
        <translation>&amp;О программе SalesDesk</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="198"/>
        <source>Remind me in &amp;3 months</source>
        <translation>Напомнить через &amp;3 месяца</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="199"/>
        <source>Plan the next contact with this client in three months</source>
        <translation>Запланировать следующий контакт с клиентом через три месяца</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="207"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="215"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="221"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="223"/>
        <source>&amp;Columns</source>
        <translation>&amp;Столбцы</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="228"/>
        <source>&amp;Client</source>
        <translation>&amp;Клиент</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="239"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="247"/>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="80"/>
        <source>&amp;Reminders panel</source>
        <translation>Панель &amp;напоминаний</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="103"/>
        <source>Search: name, INN, phone, e-mail, contact person (%1)</source>
        <translation>Поиск: название, ИНН, телефон, e-mail, контактное лицо (%1)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="200"/>
        <source>Ne&amp;xt client</source>
        <translation>С&amp;ледующий клиент</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="201"/>
        <source>Pre&amp;vious client</source>
        <translation>П&amp;редыдущий клиент</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="373"/>
        <source>%1 of %Ln in the trash</source>
        <translation>
            <numerusform>%1 из %Ln в корзине</numerusform>
            <numerusform>%1 из %Ln в корзине</numerusform>
            <numerusform>%1 из %Ln в корзине</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="375"/>
        <source>%1 of %Ln client(s)</source>
        <translation>
            <numerusform>%1 из %Ln клиента</numerusform>
            <numerusform>%1 из %Ln клиентов</numerusform>
            <numerusform>%1 из %Ln клиентов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="378"/>
        <source>average completeness %1 %</source>
        <translation>средняя полнота %1 %</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="389"/>
        <source>The trash is empty.</source>
        <translation>Корзина пуста.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="391"/>
        <source>The client base is empty.
Create the first client, or load demo data to try the program.</source>
        <translation>Клиентская база пуста.
Создайте первого клиента или загрузите демоданные, чтобы попробовать программу.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="394"/>
        <source>No clients match the search and filters.</source>
        <translation>По условиям поиска и фильтрам клиентов не найдено.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="420"/>
        <source>Could not load the list: %s</source>
        <translation>Не удалось загрузить список: %s</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="520"/>
        <source>Overdue reminders: %n</source>
        <translation>
            <numerusform>Просрочено напоминаний: %n</numerusform>
            <numerusform>Просрочено напоминаний: %n</numerusform>
            <numerusform>Просрочено напоминаний: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="525"/>
        <source>You have %n overdue reminder(s). They are at the top of the Reminders panel.</source>
        <translation>
            <numerusform>У вас %n просроченное напоминание. Просроченные показаны вверху панели «Напоминания».</numerusform>
            <numerusform>У вас %n просроченных напоминания. Просроченные показаны вверху панели «Напоминания».</numerusform>
            <numerusform>У вас %n просроченных напоминаний. Просроченные показаны вверху панели «Напоминания».</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="527"/>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="560"/>
        <source>Move to trash</source>
        <translation>Удаление в корзину</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="566"/>
        <source>“%s” moved to the trash.</source>
        <translation>Клиент «%s» перемещён в корзину.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="568"/>
        <source>%n client(s) moved to the trash.</source>
        <translation>
            <numerusform>%n клиент перемещён в корзину.</numerusform>
            <numerusform>%n клиента перемещены в корзину.</numerusform>
            <numerusform>%n клиентов перемещено в корзину.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="586"/>
        <source>%n client(s) restored.</source>
        <translation>
            <numerusform>%n клиент восстановлен.</numerusform>
            <numerusform>%n клиента восстановлены.</numerusform>
            <numerusform>%n клиентов восстановлено.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="592"/>
        <source>&amp;Undo: move to trash</source>
        <translation>&amp;Отменить удаление в корзину</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="593"/>
        <source>Undo</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="642"/>
        <source>Reminder: %1 — %2</source>
        <translation>Напоминание: %1 — %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="644"/>
        <source>%n reminder(s) came due.</source>
        <translation>
            <numerusform>Подошёл срок %n напоминания.</numerusform>
            <numerusform>Подошёл срок %n напоминаний.</numerusform>
            <numerusform>Подошёл срок %n напоминаний.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="652"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="659"/>
        <location filename="../../salesdesk/ui/main_window.py" line="664"/>
        <source>Demo data</source>
        <translation>Демоданные</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="660"/>
        <source>How many demo clients to add to this base?</source>
        <translation>Сколько демонстрационных клиентов добавить в базу?</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="664"/>
        <source>Adding demo clients…</source>
        <translation>Добавление демонстрационных клиентов…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="670"/>
        <source>%n demo client(s) added.</source>
        <translation>
            <numerusform>Добавлен %n демонстрационный клиент.</numerusform>
            <numerusform>Добавлено %n демонстрационных клиента.</numerusform>
            <numerusform>Добавлено %n демонстрационных клиентов.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="691"/>
        <source>About SalesDesk</source>
        <translation>О программе SalesDesk</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="692"/>
        <source>&lt;h3&gt;SalesDesk %1&lt;/h3&gt;&lt;p&gt;The client base and sales of a small office: clients and their requisites, contact persons, reminders, deals.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;SalesDesk %1&lt;/h3&gt;&lt;p&gt;Клиентская база и продажи небольшого офиса: клиенты и их реквизиты, контактные лица, напоминания, сделки.&lt;/p&gt;&lt;p&gt;База данных: %2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../../salesdesk/ui/widgets.py" line="40"/>
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
        <location filename="../../salesdesk/ui/reminders_panel.py" line="184"/>
        <source>Reminder</source>
        <translation>Напоминание</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="60"/>
        <source>No reminders. Plan the next contact from a client&apos;s card: Reminders → Remind me…</source>
        <translation>Напоминаний нет. Следующий контакт планируется в карточке клиента: «Напоминания» → «Напомнить…».</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="65"/>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="226"/>
        <source>Done</source>
        <translation>Завершить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="66"/>
        <source>Mark the reminder done (a repeating one moves to its next date)</source>
        <translation>Отметить напоминание выполненным (повторяющееся переносится на следующую дату)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="68"/>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="227"/>
        <source>Snooze</source>
        <translation>Отложить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="72"/>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="228"/>
        <source>Next contact</source>
        <translation>Следующий контакт</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="73"/>
        <source>Mark done and plan the next contact with this client</source>
        <translation>Завершить и запланировать следующий контакт с этим клиентом</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="76"/>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="225"/>
        <source>Open client</source>
        <translation>Открыть клиента</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="92"/>
        <source>For an hour</source>
        <translation>На час</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="92"/>
        <source>Until tomorrow</source>
        <translation>До завтра</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="93"/>
        <source>Until next week</source>
        <translation>До следующей недели</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="115"/>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="115"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="116"/>
        <source>This week</source>
        <translation>На этой неделе</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="116"/>
        <source>Later</source>
        <translation>Позже</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="33"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="37"/>
        <source>As in the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="41"/>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="42"/>
        <source>The new language applies after a restart.</source>
        <translation>Язык сменится после перезапуска.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="48"/>
        <source>Add manager…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="51"/>
        <source>I am:</source>
        <translation>Текущий менеджер:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="52"/>
        <source>New clients and reminders are assigned to this manager.</source>
        <translation>Новые клиенты и напоминания назначаются на этого менеджера.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="61"/>
        <source>Offer new terms before a contract ends:</source>
        <translation>Предлагать продление договора за:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/settings_dialog.py" line="75"/>
        <source>day(s)</source>
        <translation>
            <numerusform>день</numerusform>
            <numerusform>дня</numerusform>
            <numerusform>дней</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="79"/>
        <source>— not chosen —</source>
        <translation>— не выбран —</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="90"/>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="96"/>
        <source>New manager</source>
        <translation>Новый менеджер</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="90"/>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
</context>
<context>
    <name>StaleEdit</name>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="87"/>
        <source>The card was changed elsewhere</source>
        <translation>Карточка изменена в другом месте</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="89"/>
        <source>Save mine over it</source>
        <translation>Сохранить мою версию</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="91"/>
        <source>Load the saved version</source>
        <translation>Загрузить сохранённую версию</translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <location filename="../../salesdesk/ui/application.py" line="43"/>
        <source>Cannot open the base:
%s</source>
        <translation>Не удаётся открыть базу:
%s</translation>
    </message>
</context>
<context>
    <name>UnsavedChanges</name>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="49"/>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="50"/>
        <source>Save the changes to “%s”?</source>
        <translation>Сохранить изменения в карточке «%s»?</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="52"/>
        <source>If you don&apos;t save, your changes will be lost.</source>
        <translation>Если не сохранить, изменения будут потеряны.</translation>
    </message>
</context>
</TS>
