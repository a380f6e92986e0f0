<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>ClientCard</name>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="216"/>
        <source>Requisites</source>
        <translation>Реквизиты</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="217"/>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="218"/>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="219"/>
        <source>Deals</source>
        <translation>Сделки</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="220"/>
        <source>Reminders</source>
        <translation>Напоминания</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="223"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="224"/>
        <source>Save the card (Ctrl+S)</source>
        <translation>Сохранить карточку (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="226"/>
        <source>Revert</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="227"/>
        <source>Drop the changes and show what is saved</source>
        <translation>Отменить изменения и вернуть сохранённые данные</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="161"/>
        <source>&amp;Save client</source>
        <translation>&amp;Сохранить клиента</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="164"/>
        <source>&amp;Revert changes</source>
        <translation>&amp;Отменить изменения</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="276"/>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="280"/>
        <source>&amp;Kind:</source>
        <translation>Ви&amp;д:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="284"/>
        <source>S&amp;tatus:</source>
        <translation>Ст&amp;атус:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="286"/>
        <source>&amp;INN:</source>
        <translation>&amp;ИНН:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="287"/>
        <source>KPP:</source>
        <translation>КПП:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="288"/>
        <location filename="../../salesdesk/ui/card.py" line="666"/>
        <source>OGRN:</source>
        <translation>ОГРН:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="289"/>
        <source>Ind&amp;ustry:</source>
        <translation>От&amp;расль:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="296"/>
        <source>&amp;Owner:</source>
        <translation>&amp;Ответственный:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="298"/>
        <source>&amp;Phone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="153"/>
        <source>Select a client in the list to see the card,
or create a new one (%1).</source>
        <translation>Выберите клиента в списке, чтобы открыть карточку,
или создайте нового (%1).</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="285"/>
        <source>Full le&amp;gal name:</source>
        <translation>Полное наи&amp;менование:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="297"/>
        <source>Contact details</source>
        <translation>Контактные данные</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="299"/>
        <source>E-&amp;mail:</source>
        <translation>E-&amp;mail:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="300"/>
        <source>&amp;Legal address:</source>
        <translation>&amp;Юридический адрес:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="301"/>
        <source>Postal address:</source>
        <translation>Почтовый адрес:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="302"/>
        <source>City:</source>
        <translation>Город:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="303"/>
        <source>Bank details</source>
        <translation>Банковские реквизиты</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="304"/>
        <source>Bank:</source>
        <translation>Банк:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="305"/>
        <source>BIK:</source>
        <translation>БИК:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="306"/>
        <source>Account:</source>
        <translation>Расчётный счёт:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="307"/>
        <source>Corr. account:</source>
        <translation>Корр. счёт:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="308"/>
        <source>Other</source>
        <translation>Прочее</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="309"/>
        <source>Source:</source>
        <translation>Источник:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="311"/>
        <source>Comma-separated, e.g. VIP, Wholesale</source>
        <translation>Через запятую, например: VIP, опт</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="312"/>
        <source>Tags:</source>
        <translation>Метки:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="315"/>
        <source>Notes:</source>
        <translation>Заметки:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="316"/>
        <source>10 digits for a company, 12 for a sole trader or a person</source>
        <translation>10 цифр у организации, 12 — у ИП и физлица</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="317"/>
        <source>9 characters, companies only</source>
        <translation>9 символов, только у организаций</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="318"/>
        <source>Any format, e.g. 8 (495) 123-45-67</source>
        <translation>Любой формат: 8 (495) 123-45-67</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="319"/>
        <source>9 digits, starts with 04</source>
        <translation>9 цифр, начинается с 04</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="351"/>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="351"/>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="351"/>
        <source>Age</source>
        <translation>Возраст</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="351"/>
        <source>Phones</source>
        <translation>Телефоны</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="351"/>
        <source>E-mails</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="352"/>
        <source>Save the new card first, then add its contact persons.</source>
        <translation>Сначала сохраните новую карточку, затем добавьте контактных лиц.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="355"/>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="356"/>
        <location filename="../../salesdesk/ui/card.py" line="398"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="357"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="375"/>
        <source>Log a contact…</source>
        <translation>Записать контакт…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="376"/>
        <source>A call, meeting, letter or note; and the next contact</source>
        <translation>Звонок, встреча, письмо или заметка — и следующий контакт</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="382"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="382"/>
        <source>Summary</source>
        <translation>Содержание</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="382"/>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="404"/>
        <source>Deal</source>
        <translation>Сделка</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="404"/>
        <source>Stage</source>
        <translation>Стадия</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="404"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="404"/>
        <source>Opened</source>
        <translation>Открыта</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="404"/>
        <source>Closed</source>
        <translation>Закрыта</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="405"/>
        <source>Contract ends</source>
        <translation>Договор до</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="406"/>
        <source>No deals with this client yet.</source>
        <translation>С этим клиентом пока нет сделок.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="422"/>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="422"/>
        <location filename="../../salesdesk/ui/card.py" line="628"/>
        <location filename="../../salesdesk/ui/card.py" line="1036"/>
        <source>Reminder</source>
        <translation>Напоминание</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="422"/>
        <source>Repeat</source>
        <translation>Повтор</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="422"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="424"/>
        <source>Remind me…</source>
        <translation>Напомнить…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="426"/>
        <source>Done</source>
        <translation>Завершить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="377"/>
        <location filename="../../salesdesk/ui/card.py" line="399"/>
        <location filename="../../salesdesk/ui/card.py" line="427"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="382"/>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="382"/>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="383"/>
        <source>Nothing recorded yet: log calls, meetings and letters here.</source>
        <translation>Пока ничего не записано: здесь ведётся история звонков, встреч и писем.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="397"/>
        <source>New deal…</source>
        <translation>Новая сделка…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="471"/>
        <source>— not set —</source>
        <translation>— не указано —</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="627"/>
        <source>Deal · %1</source>
        <translation>Сделка · %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="628"/>
        <source>Reminder · done</source>
        <translation>Напоминание · выполнено</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="636"/>
        <source>done</source>
        <translation>выполнено</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="638"/>
        <source>overdue</source>
        <translation>просрочено</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="640"/>
        <source>snoozed</source>
        <translation>отложено</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="666"/>
        <source>OGRNIP:</source>
        <translation>ОГРНИП:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="699"/>
        <location filename="../../salesdesk/ui/card.py" line="796"/>
        <source>New client</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="702"/>
        <source>No. %d</source>
        <translation>№ %d</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/card.py" line="712"/>
        <source>and %n more</source>
        <translation>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="713"/>
        <source>Missing: %s</source>
        <translation>Не заполнено: %s</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="719"/>
        <source>The card is complete.</source>
        <translation>Карточка заполнена полностью.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="731"/>
        <source>Fix the marked fields to save.</source>
        <translation>Исправьте отмеченные поля.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="734"/>
        <source>Changed, not saved.</source>
        <translation>Изменено, не сохранено.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="775"/>
        <source>INN %1 already belongs to %2</source>
        <translation>ИНН %1 уже указан у клиента %2</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="777"/>
        <source>Phone %1 is already on %2</source>
        <translation>Телефон %1 уже есть у клиента %2</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="779"/>
        <source>E-mail %1 is already on %2</source>
        <translation>E-mail %1 уже есть у клиента %2</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="782"/>
        <source>A client with this name exists: %1</source>
        <translation>Клиент с таким названием уже есть: %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="829"/>
        <location filename="../../salesdesk/ui/card.py" line="834"/>
        <source>Not saved: %s</source>
        <translation>Не сохранено: %s</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="837"/>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="889"/>
        <source>Remove contact person</source>
        <translation>Удаление контактного лица</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="890"/>
        <source>Remove %s from this client&apos;s contacts?</source>
        <translation>Удалить %s из контактных лиц клиента?</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="894"/>
        <source>%s removed.</source>
        <translation>Контактное лицо %s удалено.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="894"/>
        <location filename="../../salesdesk/ui/card.py" line="949"/>
        <location filename="../../salesdesk/ui/card.py" line="991"/>
        <location filename="../../salesdesk/ui/card.py" line="1066"/>
        <source>Undo</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="949"/>
        <source>Deal “%1” deleted.</source>
        <translation>Сделка «%1» удалена.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="991"/>
        <source>Entry deleted.</source>
        <translation>Запись удалена.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="1033"/>
        <source>Get back to the client</source>
        <translation>Связаться с клиентом</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="1066"/>
        <source>Reminder deleted.</source>
        <translation>Напоминание удалено.</translation>
    </message>
</context>
<context>
    <name>ClientTable</name>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="57"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="65"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="62"/>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="63"/>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="64"/>
        <source>Industry</source>
        <translation>Отрасль</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="58"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="61"/>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="59"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="60"/>
        <source>Next reminder</source>
        <translation>Напоминание</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="66"/>
        <source>Completeness</source>
        <translation>Полнота</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="211"/>
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
    <name>DealDialog</name>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="88"/>
        <source>New deal</source>
        <translation>Новая сделка</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="108"/>
        <source>has an end date</source>
        <translation>есть дата окончания</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="110"/>
        <source>— not set —</source>
        <translation>— не указан —</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="119"/>
        <source>Deal:</source>
        <translation>Сделка:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="119"/>
        <source>Amount:</source>
        <translation>Сумма:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="120"/>
        <source>Stage:</source>
        <translation>Стадия:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="120"/>
        <source>Reason lost:</source>
        <translation>Причина проигрыша:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="121"/>
        <source>Opened on:</source>
        <translation>Открыта:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="121"/>
        <source>Closed on:</source>
        <translation>Закрыта:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="122"/>
        <source>Contract:</source>
        <translation>Договор:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="122"/>
        <source>Owner:</source>
        <translation>Ответственный:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="189"/>
        <source>Amount: write a number, e.g. 125000,50</source>
        <translation>Сумма: введите число, например 125000,50</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="219"/>
        <source>Deal</source>
        <translation>Сделка</translation>
    </message>
</context>
<context>
    <name>DealTable</name>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="68"/>
        <source>Opened</source>
        <translation>Открыта</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="69"/>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="70"/>
        <source>Deal</source>
        <translation>Сделка</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="71"/>
        <source>Stage</source>
        <translation>Стадия</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="72"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="73"/>
        <source>Closed</source>
        <translation>Закрыта</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="74"/>
        <source>Contract ends</source>
        <translation>Договор до</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="75"/>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
</context>
<context>
    <name>DealTableModel</name>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="143"/>
        <source>an internal error (see the log)</source>
        <translation>внутренняя ошибка (подробности в журнале)</translation>
    </message>
</context>
<context>
    <name>DealsPanel</name>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="239"/>
        <source>Client name</source>
        <translation>Название клиента</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="243"/>
        <source>All stages</source>
        <translation>Все стадии</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="244"/>
        <source>Open (not won or lost)</source>
        <translation>Открытые (не выиграны и не проиграны)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="252"/>
        <source>Opened from</source>
        <translation>Открыты с</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="259"/>
        <source>Clear filters</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="262"/>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="302"/>
        <source>All owners</source>
        <translation>Все менеджеры</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="303"/>
        <source>All industries</source>
        <translation>Все отрасли</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="356"/>
        <source>Counting the deals…</source>
        <translation>Считаю сделки…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/deals_panel.py" line="358"/>
        <location filename="../../salesdesk/ui/deals_panel.py" line="370"/>
        <source>%Ln deal(s)</source>
        <translation>
            <numerusform>%Ln сделка</numerusform>
            <numerusform>%Ln сделки</numerusform>
            <numerusform>%Ln сделок</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="358"/>
        <source>adding up…</source>
        <translation>считаю сумму…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="363"/>
        <source>Could not read the deals: %1</source>
        <translation>Не удалось прочитать сделки: %1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../salesdesk/ui/export_dialog.py" line="33"/>
        <location filename="../../salesdesk/ui/export_dialog.py" line="76"/>
        <source>Export clients</source>
        <translation>Экспорт клиентов</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/export_dialog.py" line="36"/>
        <source>Which clients</source>
        <translation>Каких клиентов</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/export_dialog.py" line="39"/>
        <source>The whole base (%1)</source>
        <translation>Всю базу (%1)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/export_dialog.py" line="40"/>
        <source>Those shown now (%1)</source>
        <translation>Показанных сейчас (%1)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/export_dialog.py" line="41"/>
        <source>The selected ones (%1)</source>
        <translation>Выделенных (%1)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/export_dialog.py" line="52"/>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/export_dialog.py" line="54"/>
        <source>Excel workbook (.xlsx): clients, contact persons, deals, reminders</source>
        <translation>Книга Excel (.xlsx): клиенты, контактные лица, сделки, напоминания</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/export_dialog.py" line="55"/>
        <source>CSV (.csv): the client list only, for other programs</source>
        <translation>CSV (.csv): только список клиентов, для других программ</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/export_dialog.py" line="59"/>
        <source>The workbook can be imported back into SalesDesk with nothing lost.</source>
        <translation>Книгу можно загрузить обратно в SalesDesk без потерь.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/export_dialog.py" line="65"/>
        <source>Export…</source>
        <translation>Экспортировать…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/export_dialog.py" line="74"/>
        <source>Clients %1</source>
        <translation>Клиенты %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/export_dialog.py" line="75"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/export_dialog.py" line="75"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="128"/>
        <source>Which file?</source>
        <translation>Какой файл?</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="129"/>
        <source>Excel (.xlsx, .xls), LibreOffice (.ods) or CSV. The first row with column names is found by itself.</source>
        <translation>Excel (.xlsx, .xls), LibreOffice (.ods) или CSV. Строка с названиями столбцов найдётся сама.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="135"/>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="138"/>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="140"/>
        <source>Sheet:</source>
        <translation>Лист:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="150"/>
        <source>Spreadsheets (*.xlsx *.xls *.ods *.csv);;All files (*)</source>
        <translation>Таблицы (*.xlsx *.xls *.ods *.csv);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="151"/>
        <source>Import clients</source>
        <translation>Загрузка клиентов</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="172"/>
        <source>Reading the file…</source>
        <translation>Читаю файл…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="189"/>
        <source>%1: %n row(s) below the header; %2 column(s) recognised.</source>
        <translation>
            <numerusform>%1: %n строка под заголовком; распознано столбцов: %2.</numerusform>
            <numerusform>%1: %n строки под заголовком; распознано столбцов: %2.</numerusform>
            <numerusform>%1: %n строк под заголовком; распознано столбцов: %2.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="195"/>
        <source>The file cannot be read.</source>
        <translation>Файл не удаётся прочитать.</translation>
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
    <name>ImportWizard</name>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="99"/>
        <source>Import clients from a spreadsheet</source>
        <translation>Загрузка клиентов из таблицы</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="423"/>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="423"/>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="424"/>
        <source>What happens</source>
        <translation>Что будет</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="424"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="442"/>
        <source>contact persons</source>
        <translation>контактные лица</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="443"/>
        <source>deals</source>
        <translation>сделки</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="444"/>
        <source>reminders</source>
        <translation>напоминания</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="450"/>
        <source>new client</source>
        <translation>новый клиент</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="451"/>
        <source>update</source>
        <translation>обновление</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="452"/>
        <source>already in the base</source>
        <translation>уже есть в базе</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="453"/>
        <source>duplicate, skipped</source>
        <translation>дубль, пропущен</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="454"/>
        <source>error, not imported</source>
        <translation>ошибка, не загружается</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="462"/>
        <source>same as %1</source>
        <translation>совпадает с %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="464"/>
        <source>fills: %1</source>
        <translation>заполняет: %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="467"/>
        <source>repaired: %1</source>
        <translation>исправлено: %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="554"/>
        <source>New industries: %1.</source>
        <translation>Новые отрасли: %1.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="556"/>
        <source>New managers: %1.</source>
        <translation>Новые менеджеры: %1.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="558"/>
        <source>Also from the other sheets: %1 contact person(s), %2 deal(s), %3 reminder(s).</source>
        <translation>С других листов: контактных лиц — %1, сделок — %2, напоминаний — %3.</translation>
    </message>
</context>
<context>
    <name>IndustriesDialog</name>
    <message>
        <location filename="../../salesdesk/ui/industries_dialog.py" line="37"/>
        <source>Industries</source>
        <translation>Отрасли</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/industries_dialog.py" line="50"/>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/industries_dialog.py" line="56"/>
        <source>e.g. G or 46.90</source>
        <translation>например, G или 46.90</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/industries_dialog.py" line="60"/>
        <source>What to know about this market: trends, key players, seasonality, who decides on purchases…</source>
        <translation>Что важно знать об этом рынке: тенденции, крупные игроки, сезонность, кто принимает решение о закупках…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/industries_dialog.py" line="63"/>
        <source>Managers see these notes on the cards of clients in this industry.</source>
        <translation>Эти заметки менеджеры видят в карточках клиентов этой отрасли.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/industries_dialog.py" line="66"/>
        <source>OKVED code:</source>
        <translation>Код ОКВЭД:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/industries_dialog.py" line="67"/>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/industries_dialog.py" line="68"/>
        <source>Notes:</source>
        <translation>Заметки:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/industries_dialog.py" line="72"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/industries_dialog.py" line="73"/>
        <source>Remove from the list</source>
        <translation>Убрать из списка</translation>
    </message>
</context>
<context>
    <name>LogDialog</name>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="242"/>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="334"/>
        <source>Log a contact</source>
        <translation>Запись о контакте</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="253"/>
        <source>What was it about?</source>
        <translation>О чём был разговор?</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="255"/>
        <source>What came of it (optional)</source>
        <translation>Чем закончилось (необязательно)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="260"/>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="261"/>
        <source>When:</source>
        <translation>Когда:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="262"/>
        <source>Summary:</source>
        <translation>Содержание:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="263"/>
        <source>Result:</source>
        <translation>Итог:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="264"/>
        <source>Mark the reminder “%1” done</source>
        <translation>Отметить напоминание «%1» выполненным</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="267"/>
        <source>Plan the next contact</source>
        <translation>Запланировать следующий контакт</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="271"/>
        <source>Get back to the client</source>
        <translation>Связаться с клиентом</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="275"/>
        <source>When…</source>
        <translation>Когда…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="100"/>
        <source>Reminders</source>
        <translation>Напоминания</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="130"/>
        <source>Trash</source>
        <translation>Корзина</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="177"/>
        <source>Create a client</source>
        <translation>Создать клиента</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="178"/>
        <source>Load demo data</source>
        <translation>Загрузить демоданные</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="180"/>
        <source>Clear search and filters</source>
        <translation>Сбросить поиск и фильтры</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="220"/>
        <source>&amp;New client</source>
        <translation>Новый &amp;клиент</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="221"/>
        <source>Create a client card</source>
        <translation>Создать карточку клиента</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="222"/>
        <source>Move to &amp;trash</source>
        <translation>&amp;Удалить в корзину</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="224"/>
        <source>Move the selected clients to the trash</source>
        <translation>Переместить выбранных клиентов в корзину</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="227"/>
        <source>&amp;Restore from trash</source>
        <translation>&amp;Восстановить из корзины</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="228"/>
        <location filename="../../salesdesk/ui/main_window.py" line="705"/>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="231"/>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="232"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="233"/>
        <source>Show the &amp;trash</source>
        <translation>Показать &amp;корзину</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="235"/>
        <source>Load &amp;demo data…</source>
        <translation>Загрузить &amp;демоданные…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="240"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="242"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="243"/>
        <source>&amp;About SalesDesk</source>
        <translation>&amp;О программе SalesDesk</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="244"/>
        <source>Remind me in &amp;3 months</source>
        <translation>Напомнить через &amp;3 месяца</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="245"/>
        <source>Plan the next contact with this client in three months</source>
        <translation>Запланировать следующий контакт с клиентом через три месяца</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="259"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="271"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="277"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="281"/>
        <source>&amp;Columns</source>
        <translation>&amp;Столбцы</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="286"/>
        <source>&amp;Client</source>
        <translation>&amp;Клиент</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="304"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="312"/>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="103"/>
        <source>&amp;Reminders panel</source>
        <translation>Панель &amp;напоминаний</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="127"/>
        <source>Search: name, INN, phone, e-mail, contact person (%1)</source>
        <translation>Поиск: название, ИНН, телефон, e-mail, контактное лицо (%1)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="179"/>
        <source>Import from Excel…</source>
        <translation>Загрузить из Excel…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="195"/>
        <source>Clients</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="196"/>
        <source>Deals</source>
        <translation>Сделки</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="202"/>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="236"/>
        <source>&amp;Import from a spreadsheet…</source>
        <translation>&amp;Загрузить из таблицы…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="237"/>
        <source>Add clients from Excel, LibreOffice or CSV</source>
        <translation>Добавить клиентов из Excel, LibreOffice или CSV</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="238"/>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="239"/>
        <source>Save clients to Excel or CSV</source>
        <translation>Сохранить клиентов в Excel или CSV</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="246"/>
        <source>&amp;Log a contact…</source>
        <translation>&amp;Записать контакт…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="247"/>
        <source>Record a call, meeting, letter or note and plan the next contact</source>
        <translation>Записать звонок, встречу, письмо или заметку и запланировать следующий контакт</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="248"/>
        <source>New &amp;deal…</source>
        <translation>Новая &amp;сделка…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="249"/>
        <source>&amp;Industries…</source>
        <translation>&amp;Отрасли…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="250"/>
        <source>Ne&amp;xt client</source>
        <translation>С&amp;ледующий клиент</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="251"/>
        <source>Pre&amp;vious client</source>
        <translation>П&amp;редыдущий клиент</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="253"/>
        <source>C&amp;lients</source>
        <translation>&amp;Клиенты</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="253"/>
        <source>&amp;Deals</source>
        <translation>&amp;Сделки</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="253"/>
        <location filename="../../salesdesk/ui/main_window.py" line="299"/>
        <source>&amp;Reports</source>
        <translation>&amp;Отчёты</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="470"/>
        <source>%1 of %Ln in the trash</source>
        <translation>
            <numerusform>%1 из %Ln в корзине</numerusform>
            <numerusform>%1 из %Ln в корзине</numerusform>
            <numerusform>%1 из %Ln в корзине</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="472"/>
        <source>The base is empty</source>
        <translation>База пуста</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="474"/>
        <source>%1 of %Ln client(s)</source>
        <translation>
            <numerusform>%1 из %Ln клиента</numerusform>
            <numerusform>%1 из %Ln клиентов</numerusform>
            <numerusform>%1 из %Ln клиентов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="477"/>
        <source>average completeness %1 %</source>
        <translation>средняя полнота %1 %</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="488"/>
        <source>The trash is empty.</source>
        <translation>Корзина пуста.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="490"/>
        <source>The client base is empty.
Create the first client, or load demo data to try the program.</source>
        <translation>Клиентская база пуста.
Создайте первого клиента или загрузите демоданные, чтобы попробовать программу.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="493"/>
        <source>No clients match the search and filters.</source>
        <translation>По условиям поиска и фильтрам клиентов не найдено.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="521"/>
        <source>Could not load the list: %s</source>
        <translation>Не удалось загрузить список: %s</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="623"/>
        <source>Overdue reminders: %n</source>
        <translation>
            <numerusform>Просрочено напоминаний: %n</numerusform>
            <numerusform>Просрочено напоминаний: %n</numerusform>
            <numerusform>Просрочено напоминаний: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="628"/>
        <source>You have %n overdue reminder(s). They are at the top of the Reminders panel.</source>
        <translation>
            <numerusform>У вас %n просроченное напоминание. Просроченные показаны вверху панели «Напоминания».</numerusform>
            <numerusform>У вас %n просроченных напоминания. Просроченные показаны вверху панели «Напоминания».</numerusform>
            <numerusform>У вас %n просроченных напоминаний. Просроченные показаны вверху панели «Напоминания».</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="630"/>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="663"/>
        <source>Move to trash</source>
        <translation>Удаление в корзину</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="670"/>
        <source>“%s” moved to the trash.</source>
        <translation>Клиент «%s» перемещён в корзину.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="672"/>
        <source>%n client(s) moved to the trash.</source>
        <translation>
            <numerusform>%n клиент перемещён в корзину.</numerusform>
            <numerusform>%n клиента перемещены в корзину.</numerusform>
            <numerusform>%n клиентов перемещено в корзину.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="679"/>
        <source>Restore</source>
        <translation>Восстановление</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="690"/>
        <source>%n client(s) restored.</source>
        <translation>
            <numerusform>%n клиент восстановлен.</numerusform>
            <numerusform>%n клиента восстановлены.</numerusform>
            <numerusform>%n клиентов восстановлено.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="696"/>
        <source>&amp;Undo: move to trash</source>
        <translation>&amp;Отменить удаление в корзину</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="697"/>
        <source>Undo</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="746"/>
        <source>Reminder: %1 — %2</source>
        <translation>Напоминание: %1 — %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="748"/>
        <source>%n reminder(s) came due.</source>
        <translation>
            <numerusform>Подошёл срок %n напоминания.</numerusform>
            <numerusform>Подошёл срок %n напоминаний.</numerusform>
            <numerusform>Подошёл срок %n напоминаний.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="756"/>
        <location filename="../../salesdesk/ui/main_window.py" line="846"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="763"/>
        <location filename="../../salesdesk/ui/main_window.py" line="768"/>
        <source>Demo data</source>
        <translation>Демоданные</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="764"/>
        <source>How many demo clients to add to this base?</source>
        <translation>Сколько демонстрационных клиентов добавить в базу?</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="768"/>
        <source>Adding demo clients…</source>
        <translation>Добавление демонстрационных клиентов…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="774"/>
        <source>%n demo client(s) added.</source>
        <translation>
            <numerusform>Добавлен %n демонстрационный клиент.</numerusform>
            <numerusform>Добавлено %n демонстрационных клиента.</numerusform>
            <numerusform>Добавлено %n демонстрационных клиентов.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="835"/>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="835"/>
        <source>Writing %1…</source>
        <translation>Записываю %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="845"/>
        <source>%n client(s) exported to %1.</source>
        <translation>
            <numerusform>%n клиент выгружен в %1.</numerusform>
            <numerusform>%n клиента выгружено в %1.</numerusform>
            <numerusform>%n клиентов выгружено в %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="925"/>
        <source>About SalesDesk</source>
        <translation>О программе SalesDesk</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="926"/>
        <source>&lt;h3&gt;SalesDesk %1&lt;/h3&gt;&lt;p&gt;The client base and sales of a small office: clients and their requisites, contact persons, reminders, deals.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;SalesDesk %1&lt;/h3&gt;&lt;p&gt;Клиентская база и продажи небольшого офиса: клиенты и их реквизиты, контактные лица, напоминания, сделки.&lt;/p&gt;&lt;p&gt;База данных: %2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="211"/>
        <source>What is in each column?</source>
        <translation>Что в каждом столбце?</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="212"/>
        <source>Check what SalesDesk recognised and change it where needed. A client needs at least a name.</source>
        <translation>Проверьте, что распознал SalesDesk, и поправьте, где нужно. У клиента должно быть хотя бы название.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="216"/>
        <source>Column names are in row:</source>
        <translation>Названия столбцов в строке:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="221"/>
        <source>Saved mapping:</source>
        <translation>Сохранённое сопоставление:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="225"/>
        <source>Save as…</source>
        <translation>Сохранить как…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="261"/>
        <source>Column in the file</source>
        <translation>Столбец в файле</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="261"/>
        <source>Goes to</source>
        <translation>Куда</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="262"/>
        <source>Example %1</source>
        <translation>Пример %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="268"/>
        <source>Column %1</source>
        <translation>Столбец %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="271"/>
        <source>— do not import —</source>
        <translation>— не загружать —</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="319"/>
        <source>— none —</source>
        <translation>— нет —</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="339"/>
        <source>Save mapping</source>
        <translation>Сохранить сопоставление</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="339"/>
        <source>Name of this mapping:</source>
        <translation>Название сопоставления:</translation>
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
    <name>OptionsPage</name>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="364"/>
        <source>Clients that are already in the base</source>
        <translation>Клиенты, которые уже есть в базе</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="365"/>
        <source>A row is the same client when the INN (and KPP of a branch), a phone, an e-mail or the name matches — never when both INNs are known and differ.</source>
        <translation>Строка считается тем же клиентом, если совпадает ИНН (и КПП филиала), телефон, e-mail или название — но никогда, если оба ИНН известны и различаются.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="370"/>
        <source>Fill in what the card is missing</source>
        <translation>Дополнить карточку тем, чего в ней нет</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="371"/>
        <source>Fields empty in the card are taken from the file; nothing filled in is changed. Importing the same file again changes nothing.</source>
        <translation>Пустые поля карточки заполняются из файла, заполненные не меняются. Повторная загрузка того же файла ничего не изменит.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="373"/>
        <source>Update the card from the file</source>
        <translation>Обновить карточку по файлу</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="374"/>
        <source>Values in the file replace the card&apos;s; empty cells leave the card as it is.</source>
        <translation>Значения из файла заменяют значения карточки; пустые ячейки карточку не меняют.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="375"/>
        <source>Leave such clients alone</source>
        <translation>Не трогать таких клиентов</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="375"/>
        <source>Only new clients are added.</source>
        <translation>Добавляются только новые клиенты.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="376"/>
        <source>Add them as new clients anyway</source>
        <translation>Всё равно добавить как новых клиентов</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="377"/>
        <source>Every row becomes a client, even if the base has one like it.</source>
        <translation>Каждая строка станет клиентом, даже если похожий уже есть в базе.</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="475"/>
        <source>Preview: nothing is written yet</source>
        <translation>Предпросмотр: в базу пока ничего не записано</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="481"/>
        <source>Show:</source>
        <translation>Показать:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="483"/>
        <source>all rows</source>
        <translation>все строки</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="483"/>
        <source>errors</source>
        <translation>ошибки</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="484"/>
        <source>new clients</source>
        <translation>новых клиентов</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="485"/>
        <source>updates and duplicates</source>
        <translation>обновления и дубли</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="506"/>
        <source>Checking every row…</source>
        <translation>Проверяю каждую строку…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="526"/>
        <source>The file cannot be checked.</source>
        <translation>Файл не удаётся проверить.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="544"/>
        <source>%n new client(s)</source>
        <translation>
            <numerusform>%n новый клиент</numerusform>
            <numerusform>%n новых клиента</numerusform>
            <numerusform>%n новых клиентов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="545"/>
        <source>%n update(s)</source>
        <translation>
            <numerusform>%n обновление</numerusform>
            <numerusform>%n обновления</numerusform>
            <numerusform>%n обновлений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="546"/>
        <source>%n already in the base</source>
        <translation>
            <numerusform>%n уже есть в базе</numerusform>
            <numerusform>%n уже есть в базе</numerusform>
            <numerusform>%n уже есть в базе</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="547"/>
        <source>%n duplicate(s) skipped</source>
        <translation>
            <numerusform>%n дубль пропущен</numerusform>
            <numerusform>%n дубля пропущено</numerusform>
            <numerusform>%n дублей пропущено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="548"/>
        <source>%n row(s) with errors</source>
        <translation>
            <numerusform>%n строка с ошибками</numerusform>
            <numerusform>%n строки с ошибками</numerusform>
            <numerusform>%n строк с ошибками</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="552"/>
        <source>Leading zeros restored in %n row(s).</source>
        <translation>
            <numerusform>Ведущие нули восстановлены в %n строке.</numerusform>
            <numerusform>Ведущие нули восстановлены в %n строках.</numerusform>
            <numerusform>Ведущие нули восстановлены в %n строках.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="570"/>
        <source>There is nothing to import.</source>
        <translation>Загружать нечего.</translation>
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
        <location filename="../../salesdesk/ui/reminders_panel.py" line="56"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="56"/>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="56"/>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="200"/>
        <source>Reminder</source>
        <translation>Напоминание</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="67"/>
        <source>No reminders. Plan the next contact from a client&apos;s card: Reminders → Remind me…</source>
        <translation>Напоминаний нет. Следующий контакт планируется в карточке клиента: «Напоминания» → «Напомнить…».</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="72"/>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="249"/>
        <source>Done</source>
        <translation>Завершить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="73"/>
        <source>Mark the reminder done (a repeating one moves to its next date)</source>
        <translation>Отметить напоминание выполненным (повторяющееся переносится на следующую дату)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="74"/>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="250"/>
        <source>Snooze</source>
        <translation>Отложить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="76"/>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="251"/>
        <source>Next contact</source>
        <translation>Следующий контакт</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="77"/>
        <source>Mark done and plan the next contact with this client</source>
        <translation>Завершить и запланировать следующий контакт с этим клиентом</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="79"/>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="248"/>
        <source>Open client</source>
        <translation>Открыть клиента</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="80"/>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="247"/>
        <source>Log the result…</source>
        <translation>Записать итог…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="81"/>
        <source>Record what came of it, close the reminder and plan the next contact</source>
        <translation>Записать итог, закрыть напоминание и запланировать следующий контакт</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="98"/>
        <source>For an hour</source>
        <translation>На час</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="98"/>
        <source>Until tomorrow</source>
        <translation>До завтра</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="99"/>
        <source>Until next week</source>
        <translation>До следующей недели</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="121"/>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="121"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="122"/>
        <source>This week</source>
        <translation>На этой неделе</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="122"/>
        <source>Later</source>
        <translation>Позже</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/reminders_panel.py" line="141"/>
        <source>… and %n more further ahead</source>
        <translation>
            <numerusform>… и ещё %n дальше</numerusform>
            <numerusform>… и ещё %n дальше</numerusform>
            <numerusform>… и ещё %n дальше</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportsPanel</name>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="277"/>
        <source>the first %1 of %2; all are in the table</source>
        <translation>первые %1 из %2, все — в таблице</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="489"/>
        <source>thousands</source>
        <translation>тыс.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="490"/>
        <source>millions</source>
        <translation>млн</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="370"/>
        <source>Last 12 months</source>
        <translation>Последние 12 месяцев</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="371"/>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="371"/>
        <source>Last month</source>
        <translation>Прошлый месяц</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="372"/>
        <source>This quarter</source>
        <translation>Этот квартал</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="373"/>
        <source>Last quarter</source>
        <translation>Прошлый квартал</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="374"/>
        <source>This year</source>
        <translation>Этот год</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="374"/>
        <source>Last year</source>
        <translation>Прошлый год</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="375"/>
        <source>Dates I choose</source>
        <translation>Свои даты</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="384"/>
        <source>by month</source>
        <translation>по месяцам</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="384"/>
        <source>by quarter</source>
        <translation>по кварталам</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="385"/>
        <source>by year</source>
        <translation>по годам</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="388"/>
        <location filename="../../salesdesk/ui/reports_panel.py" line="498"/>
        <source>All managers</source>
        <translation>Все менеджеры</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="404"/>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="406"/>
        <source>Manager:</source>
        <translation>Менеджер:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="407"/>
        <source>No contact for more than</source>
        <translation>Без контакта больше</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="408"/>
        <source>Cards filled below</source>
        <translation>Карточки заполнены меньше чем на</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="420"/>
        <source>Export to Excel…</source>
        <translation>Экспорт в Excel…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="422"/>
        <source>Save this report as an Excel workbook with its chart and table</source>
        <translation>Сохранить отчёт в книгу Excel с диаграммой и таблицей</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/reports_panel.py" line="543"/>
        <source>day(s)</source>
        <translation>
            <numerusform>день</numerusform>
            <numerusform>дня</numerusform>
            <numerusform>дней</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="585"/>
        <source>Computing…</source>
        <translation>Считаю…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="599"/>
        <source>Nothing to show for these parameters.</source>
        <translation>За выбранный период и с этими условиями данных нет.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="600"/>
        <source>This report is a table only.</source>
        <translation>У этого отчёта только таблица.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="632"/>
        <source>The report could not be computed; details are in the log.</source>
        <translation>Отчёт не удалось построить; подробности — в журнале программы.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="645"/>
        <source>Saving %1…</source>
        <translation>Сохраняю %1…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="651"/>
        <source>Export the report</source>
        <translation>Экспорт отчёта</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="653"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="661"/>
        <source>The report is saved to %1.</source>
        <translation>Отчёт сохранён в %1.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="662"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="671"/>
        <source>The report could not be saved; details are in the log.</source>
        <translation>Отчёт не удалось сохранить; подробности — в журнале программы.</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="581"/>
        <source>Importing</source>
        <translation>Загрузка</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="588"/>
        <source>Open the file of rows not imported</source>
        <translation>Открыть файл незагруженных строк</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="608"/>
        <source>Writing to the base… You can cancel: nothing is kept until the end.</source>
        <translation>Записываю в базу… Можно отменить: до конца ничего не сохраняется.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="623"/>
        <source>Cancelling…</source>
        <translation>Отменяю…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="632"/>
        <source>Done: %n new client(s)</source>
        <translation>
            <numerusform>Готово: %n новый клиент</numerusform>
            <numerusform>Готово: %n новых клиента</numerusform>
            <numerusform>Готово: %n новых клиентов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="633"/>
        <source>%n updated</source>
        <translation>
            <numerusform>%n обновлён</numerusform>
            <numerusform>%n обновлено</numerusform>
            <numerusform>%n обновлено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="634"/>
        <source>%n skipped</source>
        <translation>
            <numerusform>%n пропущен</numerusform>
            <numerusform>%n пропущено</numerusform>
            <numerusform>%n пропущено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="635"/>
        <source>%n not imported</source>
        <translation>
            <numerusform>%n не загружен</numerusform>
            <numerusform>%n не загружено</numerusform>
            <numerusform>%n не загружено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="638"/>
        <source>Leading zeros restored in %n row(s).</source>
        <translation>
            <numerusform>Ведущие нули восстановлены в %n строке.</numerusform>
            <numerusform>Ведущие нули восстановлены в %n строках.</numerusform>
            <numerusform>Ведущие нули восстановлены в %n строках.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="640"/>
        <source>Rows not imported, with the reason for each, are in %1. Fix them there and import that file again.</source>
        <translation>Незагруженные строки с причиной для каждой — в файле %1. Исправьте их там и загрузите этот файл снова.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="657"/>
        <source>The import stopped because of an internal error; the base was not changed.</source>
        <translation>Загрузка остановлена из-за внутренней ошибки; база не изменилась.</translation>
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
        <location filename="../../salesdesk/ui/card.py" line="99"/>
        <source>The card was changed elsewhere</source>
        <translation>Карточка изменена в другом месте</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="101"/>
        <source>Save mine over it</source>
        <translation>Сохранить мою версию</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="103"/>
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
