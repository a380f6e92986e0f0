<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../salesdesk/ui/about_dialog.py" line="19"/>
        <source>About SalesDesk</source>
        <translation>О программе SalesDesk</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/about_dialog.py" line="23"/>
        <source>The client base and sales of a small office: clients and their requisites, contact persons, reminders, deals.</source>
        <translation>Клиентская база и продажи небольшого офиса: клиенты и их реквизиты, контактные лица, напоминания, сделки.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/about_dialog.py" line="35"/>
        <source>&amp;Copy</source>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/about_dialog.py" line="46"/>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/about_dialog.py" line="47"/>
        <source>Base</source>
        <translation>База</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/about_dialog.py" line="47"/>
        <source>not open</source>
        <translation>не открыта</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/about_dialog.py" line="48"/>
        <source>Data folder</source>
        <translation>Папка данных</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/about_dialog.py" line="51"/>
        <source>Licence</source>
        <translation>Лицензия</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../salesdesk/ui/backups_dialog.py" line="64"/>
        <source>&amp;Backups…</source>
        <translation>&amp;Резервные копии…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/backups_dialog.py" line="65"/>
        <source>Copies of the base: back up now or go back to one</source>
        <translation>Копии базы: сделать копию сейчас или вернуться к одной из них</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/backups_dialog.py" line="90"/>
        <source>The base %1 is damaged (SQLite&apos;s check says: %4).

The newest good backup is of %2 (%3 clients). Restore it? The damaged base is kept as a copy in the backup folder.</source>
        <translation>База %1 повреждена (проверка SQLite: %4).

Последняя исправная копия — от %2 (клиентов: %3). Восстановить базу из неё? Повреждённая база будет сохранена копией в папке копий.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/backups_dialog.py" line="101"/>
        <source>The base is damaged</source>
        <translation>База повреждена</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/backups_dialog.py" line="120"/>
        <source>Backups</source>
        <translation>Резервные копии</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/backups_dialog.py" line="128"/>
        <source>Choose &amp;folder…</source>
        <translation>Выбрать &amp;папку…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/backups_dialog.py" line="138"/>
        <source>Keep the newest copy of the last</source>
        <translation>Хранить последнюю копию за каждый из последних</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/backups_dialog.py" line="140"/>
        <source>days,</source>
        <translation>дней,</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/backups_dialog.py" line="141"/>
        <source>weeks,</source>
        <translation>недель,</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/backups_dialog.py" line="142"/>
        <source>months</source>
        <translation>месяцев</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/backups_dialog.py" line="150"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/backups_dialog.py" line="150"/>
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/backups_dialog.py" line="150"/>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/backups_dialog.py" line="150"/>
        <source>Clients</source>
        <translation>Клиентов</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/backups_dialog.py" line="150"/>
        <source>Check</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/backups_dialog.py" line="165"/>
        <source>&amp;Back up now</source>
        <translation>&amp;Сделать копию сейчас</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/backups_dialog.py" line="167"/>
        <source>&amp;Restore this copy…</source>
        <translation>&amp;Восстановить из этой копии…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/backups_dialog.py" line="207"/>
        <source>Copies are kept in: %1</source>
        <translation>Копии хранятся в папке: %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/backups_dialog.py" line="221"/>
        <source>No backups of this base yet.</source>
        <translation>Копий этой базы пока нет.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/backups_dialog.py" line="226"/>
        <source>checking…</source>
        <translation>проверяется…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/backups_dialog.py" line="228"/>
        <source>verified</source>
        <translation>проверена</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/backups_dialog.py" line="228"/>
        <source>does not verify</source>
        <translation>не проходит проверку</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/backups_dialog.py" line="285"/>
        <source>Backing up…</source>
        <translation>Копирование…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/backups_dialog.py" line="301"/>
        <source>Backup saved: %1 (%2 clients).</source>
        <translation>Копия сохранена: %1 (клиентов: %2).</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/backups_dialog.py" line="311"/>
        <source>Go back to the copy of %1 (%2 clients)?

Everything entered since then is replaced. The base as it is now is copied first, so this can be undone from this list.</source>
        <translation>Вернуться к копии от %1 (клиентов: %2)?

Всё, что внесено после неё, будет заменено. Текущая база сначала сохраняется в копию, так что это можно отменить из этого же списка.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/backups_dialog.py" line="317"/>
        <source>Restore a backup</source>
        <translation>Восстановление из копии</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/backups_dialog.py" line="322"/>
        <source>Restoring…</source>
        <translation>Восстановление…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/backups_dialog.py" line="331"/>
        <source>The base is back to %1. The base as it was is saved as %2.</source>
        <translation>База возвращена к состоянию на %1. База до восстановления сохранена как %2.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/backups_dialog.py" line="338"/>
        <source>Folder for backups</source>
        <translation>Папка для резервных копий</translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message>
        <location filename="../../salesdesk/ui/bulk_dialog.py" line="46"/>
        <source>Change the owner…</source>
        <translation>Сменить владельца…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/bulk_dialog.py" line="47"/>
        <source>Change the status…</source>
        <translation>Сменить статус…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/bulk_dialog.py" line="48"/>
        <source>Change the industry…</source>
        <translation>Сменить отрасль…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/bulk_dialog.py" line="49"/>
        <source>Add a tag…</source>
        <translation>Добавить метку…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/bulk_dialog.py" line="50"/>
        <source>Remove a tag…</source>
        <translation>Убрать метку…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/bulk_dialog.py" line="51"/>
        <source>Plan a reminder for each…</source>
        <translation>Напоминание каждому…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/bulk_dialog.py" line="52"/>
        <source>Export…</source>
        <translation>Выгрузить…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/bulk_dialog.py" line="53"/>
        <source>Move to the trash</source>
        <translation>Удалить в корзину</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/bulk_dialog.py" line="94"/>
        <source>— nobody (no owner) —</source>
        <translation>— никто (без ответственного) —</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/bulk_dialog.py" line="95"/>
        <source>New owner:</source>
        <translation>Новый владелец:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/bulk_dialog.py" line="99"/>
        <source>New status:</source>
        <translation>Новый статус:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/bulk_dialog.py" line="103"/>
        <source>New industry:</source>
        <translation>Новая отрасль:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/bulk_dialog.py" line="106"/>
        <source>e.g. Exhibition 2026</source>
        <translation>например, Выставка 2026</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/bulk_dialog.py" line="107"/>
        <source>Tag:</source>
        <translation>Метка:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/bulk_dialog.py" line="107"/>
        <source>Tag to remove:</source>
        <translation>Какую метку убрать:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/bulk_dialog.py" line="109"/>
        <source>The selected clients (%1)</source>
        <translation>Выбранные клиенты (%1)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/bulk_dialog.py" line="111"/>
        <source>Everyone the search and filters show (%1)</source>
        <translation>Все, кого показывают поиск и фильтры (%1)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/bulk_dialog.py" line="118"/>
        <source>For whom:</source>
        <translation>Для кого:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/bulk_dialog.py" line="122"/>
        <source>All of them change at once; Undo puts them back.</source>
        <translation>Все изменятся за один раз; «Отменить» вернёт их как было.</translation>
    </message>
</context>
<context>
    <name>CalendarGrid</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/calendar_page.py" line="256"/>
        <source>+%n more</source>
        <translation>
            <numerusform>ещё %n</numerusform>
            <numerusform>ещё %n</numerusform>
            <numerusform>ещё %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../salesdesk/ui/calendar_page.py" line="387"/>
        <source>Earlier</source>
        <translation>Раньше</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/calendar_page.py" line="388"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/calendar_page.py" line="391"/>
        <source>Later</source>
        <translation>Позже</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/calendar_page.py" line="399"/>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/calendar_page.py" line="401"/>
        <source>Week</source>
        <translation>Неделя</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/calendar_page.py" line="403"/>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/calendar_page.py" line="405"/>
        <source>Mine</source>
        <translation>Мои</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/calendar_page.py" line="407"/>
        <source>All managers</source>
        <translation>Все менеджеры</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/calendar_page.py" line="416"/>
        <source>Export to calendar (.ics)…</source>
        <translation>В календарь (.ics)…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/calendar_page.py" line="417"/>
        <source>Save the coming 90 days for a phone, Outlook or Thunderbird</source>
        <translation>Сохранить ближайшие 90 дней для телефона, Outlook или Thunderbird</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/calendar_page.py" line="441"/>
        <source>Drag a reminder to another day to move it; double-click opens the client.</source>
        <translation>Перетащите напоминание на другой день, чтобы перенести его; двойной щелчок открывает клиента.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/calendar_page.py" line="466"/>
        <source>Choose who you are first</source>
        <translation>Сначала выберите, кто вы</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/calendar_page.py" line="562"/>
        <source>nobody</source>
        <translation>без менеджера</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/calendar_page.py" line="603"/>
        <source>Export to calendar</source>
        <translation>Экспорт в календарь</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/calendar_page.py" line="604"/>
        <source>iCalendar file (*.ics)</source>
        <translation>Файл iCalendar (*.ics)</translation>
    </message>
</context>
<context>
    <name>CardEditing</name>
    <message>
        <location filename="../../salesdesk/ui/card/editing.py" line="127"/>
        <source>Not saved: %s</source>
        <translation>Не сохранено: %s</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/editing.py" line="134"/>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
</context>
<context>
    <name>CardHeader</name>
    <message>
        <location filename="../../salesdesk/ui/card/header.py" line="90"/>
        <source>New client</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/header.py" line="105"/>
        <source>No. %d</source>
        <translation>№ %d</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/card/header.py" line="117"/>
        <source>and %n more</source>
        <translation>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/header.py" line="118"/>
        <source>Missing: %s</source>
        <translation>Не заполнено: %s</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/header.py" line="121"/>
        <source>Everything is filled in; some of it needs confirming.</source>
        <translation>Всё заполнено, но часть данных нужно подтвердить.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/header.py" line="124"/>
        <source>The card is complete.</source>
        <translation>Карточка заполнена полностью.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/header.py" line="130"/>
        <source>Filled in: %1 %</source>
        <translation>Заполнено: %1 %</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/card/header.py" line="134"/>
        <source>Not confirmed for %n month(s): </source>
        <translation>
            <numerusform>Не подтверждено %n месяц: </numerusform>
            <numerusform>Не подтверждено %n месяца: </numerusform>
            <numerusform>Не подтверждено %n месяцев: </numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/header.py" line="135"/>
        <source>Confirm</source>
        <translation>Подтвердить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/header.py" line="139"/>
        <source>%1: not confirmed since %2</source>
        <translation>%1: не подтверждено с %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/card/header.py" line="145"/>
        <source>Filled in: %1 %; a field not confirmed for %n month(s) counts half</source>
        <translation>
            <numerusform>Заполнено: %1 %; поле, не подтверждённое %n месяц, считается наполовину</numerusform>
            <numerusform>Заполнено: %1 %; поле, не подтверждённое %n месяца, считается наполовину</numerusform>
            <numerusform>Заполнено: %1 %; поле, не подтверждённое %n месяцев, считается наполовину</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CardPage</name>
    <message>
        <location filename="../../salesdesk/ui/card/page.py" line="96"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/page.py" line="97"/>
        <source>Save the card (Ctrl+S)</source>
        <translation>Сохранить карточку (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/page.py" line="99"/>
        <source>Revert</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/page.py" line="100"/>
        <source>Drop the changes and show what is saved</source>
        <translation>Отменить изменения и вернуть сохранённые данные</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/page.py" line="121"/>
        <source>Fix the marked fields to save.</source>
        <translation>Исправьте отмеченные поля.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/page.py" line="124"/>
        <source>Changed, not saved.</source>
        <translation>Изменено, не сохранено.</translation>
    </message>
</context>
<context>
    <name>CardPlaceholder</name>
    <message>
        <location filename="../../salesdesk/ui/card/page.py" line="40"/>
        <source>Select a client in the list to see the card,
or create a new one (%1).</source>
        <translation>Выберите клиента в списке, чтобы открыть карточку,
или создайте нового (%1).</translation>
    </message>
</context>
<context>
    <name>ChangesModel</name>
    <message>
        <location filename="../../salesdesk/ui/changes_view.py" line="70"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/changes_view.py" line="71"/>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/changes_view.py" line="72"/>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/changes_view.py" line="73"/>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/changes_view.py" line="74"/>
        <source>Before</source>
        <translation>Было</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/changes_view.py" line="75"/>
        <source>After</source>
        <translation>Стало</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/changes_view.py" line="76"/>
        <source>Through</source>
        <translation>Откуда</translation>
    </message>
</context>
<context>
    <name>ChangesView</name>
    <message>
        <location filename="../../salesdesk/ui/changes_view.py" line="128"/>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/changes_view.py" line="130"/>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/changes_view.py" line="132"/>
        <source>Find in changes…</source>
        <translation>Найти в изменениях…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/changes_view.py" line="135"/>
        <source>Field:</source>
        <translation>Поле:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/changes_view.py" line="137"/>
        <source>Who:</source>
        <translation>Кто:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/changes_view.py" line="150"/>
        <location filename="../../salesdesk/ui/changes_view.py" line="215"/>
        <source>No changes recorded yet.</source>
        <translation>Изменений пока нет.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/changes_view.py" line="215"/>
        <source>No changes match the filter.</source>
        <translation>Нет изменений, подходящих под фильтр.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/changes_view.py" line="229"/>
        <source>All fields</source>
        <translation>Все поля</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/changes_view.py" line="236"/>
        <source>Everyone</source>
        <translation>Все</translation>
    </message>
</context>
<context>
    <name>ClientCard</name>
    <message>
        <location filename="../../salesdesk/ui/card/shell.py" line="103"/>
        <source>Requisites</source>
        <translation>Реквизиты</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/shell.py" line="103"/>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/shell.py" line="104"/>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/shell.py" line="104"/>
        <source>Deals</source>
        <translation>Сделки</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/shell.py" line="105"/>
        <source>Reminders</source>
        <translation>Напоминания</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/shell.py" line="106"/>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/shell.py" line="291"/>
        <source>Updated: another seat changed this client.</source>
        <translation>Обновлено: клиента изменили на другом рабочем месте.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/shell.py" line="316"/>
        <source>Another seat has changed this client. When you save, you will see what changed and choose.</source>
        <translation>Клиента изменили на другом рабочем месте. При сохранении вы увидите, что изменилось, и выберете, что оставить.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/shell.py" line="71"/>
        <source>&amp;Save client</source>
        <translation>&amp;Сохранить клиента</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/shell.py" line="74"/>
        <source>&amp;Revert changes</source>
        <translation>&amp;Отменить изменения</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/shell.py" line="108"/>
        <source>Changes</source>
        <translation>Изменения</translation>
    </message>
</context>
<context>
    <name>ClientListActions</name>
    <message>
        <location filename="../../salesdesk/ui/list_actions.py" line="168"/>
        <source>“%s” moved to the trash.</source>
        <translation>Клиент «%s» перемещён в корзину.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/list_actions.py" line="170"/>
        <location filename="../../salesdesk/ui/list_actions.py" line="314"/>
        <source>%Ln client(s) moved to the trash.</source>
        <translation>
            <numerusform>%Ln клиент перемещён в корзину.</numerusform>
            <numerusform>%Ln клиента перемещены в корзину.</numerusform>
            <numerusform>%Ln клиентов перемещено в корзину.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/list_actions.py" line="185"/>
        <source>%Ln client(s) restored.</source>
        <translation>
            <numerusform>%Ln клиент восстановлен.</numerusform>
            <numerusform>%Ln клиента восстановлены.</numerusform>
            <numerusform>%Ln клиентов восстановлено.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/list_actions.py" line="191"/>
        <source>&amp;Undo: move to trash</source>
        <translation>&amp;Отменить удаление в корзину</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/list_actions.py" line="192"/>
        <location filename="../../salesdesk/ui/list_actions.py" line="332"/>
        <source>Undo</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/list_actions.py" line="200"/>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/list_actions.py" line="213"/>
        <source>With selected (%Ln)…</source>
        <translation>
            <numerusform>С выбранными (%Ln)…</numerusform>
            <numerusform>С выбранными (%Ln)…</numerusform>
            <numerusform>С выбранными (%Ln)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/list_actions.py" line="228"/>
        <source>With selected (%Ln):</source>
        <translation>
            <numerusform>С выбранными (%Ln):</numerusform>
            <numerusform>С выбранными (%Ln):</numerusform>
            <numerusform>С выбранными (%Ln):</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/list_actions.py" line="264"/>
        <source>Get back to the client</source>
        <translation>Связаться с клиентом</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/list_actions.py" line="301"/>
        <source>Changing the clients…</source>
        <translation>Клиенты изменяются…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/list_actions.py" line="308"/>
        <source>Cancelled: no client was changed.</source>
        <translation>Отменено: ни один клиент не изменён.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/list_actions.py" line="316"/>
        <source>A reminder planned for %Ln client(s).</source>
        <translation>
            <numerusform>Напоминание поставлено %Ln клиенту.</numerusform>
            <numerusform>Напоминание поставлено %Ln клиентам.</numerusform>
            <numerusform>Напоминание поставлено %Ln клиентам.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/list_actions.py" line="318"/>
        <source>%Ln client(s) changed.</source>
        <translation>
            <numerusform>Изменён %Ln клиент.</numerusform>
            <numerusform>Изменены %Ln клиента.</numerusform>
            <numerusform>Изменены %Ln клиентов.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/list_actions.py" line="320"/>
        <source>Nothing to change: they all have it already.</source>
        <translation>Менять нечего: у всех уже так.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/list_actions.py" line="325"/>
        <source>&amp;Undo: change of %Ln client(s)</source>
        <translation>
            <numerusform>&amp;Отменить: изменение %Ln клиента</numerusform>
            <numerusform>&amp;Отменить: изменение %Ln клиентов</numerusform>
            <numerusform>&amp;Отменить: изменение %Ln клиентов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/list_actions.py" line="333"/>
        <source>Putting the clients back…</source>
        <translation>Клиенты возвращаются как были…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/list_actions.py" line="341"/>
        <source>%Ln client(s) put back as they were.</source>
        <translation>
            <numerusform>%Ln клиент возвращён как был.</numerusform>
            <numerusform>%Ln клиента возвращены как были.</numerusform>
            <numerusform>%Ln клиентов возвращены как были.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClientListPane</name>
    <message>
        <location filename="../../salesdesk/ui/client_list.py" line="69"/>
        <source>Search: name, INN, phone, e-mail, contact person (%1)</source>
        <translation>Поиск: название, ИНН, телефон, e-mail, контактное лицо (%1)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_list.py" line="74"/>
        <source>Trash</source>
        <translation>Корзина</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_list.py" line="83"/>
        <source>Change, export or trash all the selected clients at once</source>
        <translation>Изменить, выгрузить или удалить в корзину всех выбранных клиентов сразу</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_list.py" line="109"/>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_list.py" line="178"/>
        <source>Create a client</source>
        <translation>Создать клиента</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_list.py" line="179"/>
        <source>Load demo data</source>
        <translation>Загрузить демоданные</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_list.py" line="180"/>
        <source>Import from Excel…</source>
        <translation>Загрузить из Excel…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_list.py" line="181"/>
        <source>Clear search and filters</source>
        <translation>Сбросить поиск и фильтры</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/client_list.py" line="283"/>
        <source>%1 of %Ln in the trash</source>
        <translation>
            <numerusform>%1 из %Ln в корзине</numerusform>
            <numerusform>%1 из %Ln в корзине</numerusform>
            <numerusform>%1 из %Ln в корзине</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_list.py" line="285"/>
        <source>The base is empty</source>
        <translation>База пуста</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/client_list.py" line="287"/>
        <source>%1 of %Ln client(s)</source>
        <translation>
            <numerusform>%1 из %Ln клиента</numerusform>
            <numerusform>%1 из %Ln клиентов</numerusform>
            <numerusform>%1 из %Ln клиентов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_list.py" line="290"/>
        <source>average completeness %1 %</source>
        <translation>средняя полнота %1 %</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_list.py" line="306"/>
        <source>The trash is empty.</source>
        <translation>Корзина пуста.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_list.py" line="309"/>
        <source>The client base is empty.
Create the first client, or load demo data to try the program.</source>
        <translation>Клиентская база пуста.
Создайте первого клиента или загрузите демоданные, чтобы попробовать программу.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_list.py" line="312"/>
        <source>No clients match the search and filters.</source>
        <translation>По условиям поиска и фильтрам клиентов не найдено.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_list.py" line="349"/>
        <source>Could not load the list: %s</source>
        <translation>Не удалось загрузить список: %s</translation>
    </message>
</context>
<context>
    <name>ClientTable</name>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="68"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="76"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="73"/>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="74"/>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="75"/>
        <source>Industry</source>
        <translation>Отрасль</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="69"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="72"/>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="70"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="71"/>
        <source>Next reminder</source>
        <translation>Напоминание</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="77"/>
        <source>Completeness</source>
        <translation>Полнота</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="461"/>
        <source>Missing: %s</source>
        <translation>Не заполнено: %s</translation>
    </message>
</context>
<context>
    <name>ClientTableModel</name>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="337"/>
        <source>Counting the clients of the list…</source>
        <translation>Считаем клиентов списка…</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../salesdesk/ui/conflict_dialog.py" line="51"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/conflict_dialog.py" line="53"/>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/conflict_dialog.py" line="68"/>
        <source>Changed on another seat</source>
        <translation>Изменено на другом рабочем месте</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/conflict_dialog.py" line="72"/>
        <source>&lt;b&gt;“%s” was changed on another seat after you opened it.&lt;/b&gt;</source>
        <translation>&lt;b&gt;«%s» изменили на другом рабочем месте, пока карточка была открыта у вас.&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/conflict_dialog.py" line="74"/>
        <source>Your changes are not saved yet. Here is what each side changed:</source>
        <translation>Ваши изменения ещё не сохранены. Вот что изменено с каждой стороны:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/conflict_dialog.py" line="79"/>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/conflict_dialog.py" line="79"/>
        <source>Saved by the other seat</source>
        <translation>Сохранено на другом месте</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/conflict_dialog.py" line="79"/>
        <source>Yours</source>
        <translation>Ваше</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/conflict_dialog.py" line="81"/>
        <source>(you did not change it)</source>
        <translation>(вы не меняли)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/conflict_dialog.py" line="113"/>
        <source>⚠ Both of you changed this field.</source>
        <translation>⚠ Это поле изменили вы оба.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/conflict_dialog.py" line="116"/>
        <source>“Save mine over theirs” saves your values in the fields you changed and keeps the other seat&apos;s changes to the rest.</source>
        <translation>«Сохранить моё поверх» запишет ваши значения в полях, которые вы изменили, а изменения другого места в остальных полях сохранятся.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/conflict_dialog.py" line="125"/>
        <source>Keep theirs (reload)</source>
        <translation>Оставить их вариант (перечитать)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/conflict_dialog.py" line="126"/>
        <source>Save mine over theirs</source>
        <translation>Сохранить моё поверх</translation>
    </message>
</context>
<context>
    <name>ConnectActions</name>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="294"/>
        <source>Connect to a &amp;server…</source>
        <translation>Подключиться к &amp;серверу…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="295"/>
        <source>Work on a shared base on a PostgreSQL server</source>
        <translation>Работать с общей базой на сервере PostgreSQL</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="297"/>
        <source>Back to this &amp;computer&apos;s base</source>
        <translation>Вернуться к базе этого &amp;компьютера</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="316"/>
        <source>The demo base is open: go back to your base first (File → Back to my base).</source>
        <translation>Открыта демонстрационная база: сначала вернитесь к своей базе (Файл → Вернуться к моей базе).</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="341"/>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="362"/>
        <source>Move the base to the server</source>
        <translation>Перенос базы на сервер</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="343"/>
        <source>Copy this computer&apos;s base into the empty database %1? Every table is compared after the copy; this computer&apos;s base is only read and stays as it is. The window then works on the server base.</source>
        <translation>Скопировать базу этого компьютера в пустую базу %1? После копирования каждая таблица сверяется; база этого компьютера только читается и остаётся как была. Затем окно переходит на базу на сервере.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="363"/>
        <source>Copying the base to %1…</source>
        <translation>Копирование базы в %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/connect_dialog.py" line="375"/>
        <source>The base has moved to the server: %Ln row(s) copied, every table matches.</source>
        <translation>
            <numerusform>База перенесена на сервер: скопирована %Ln строка, все таблицы совпадают.</numerusform>
            <numerusform>База перенесена на сервер: скопировано %Ln строки, все таблицы совпадают.</numerusform>
            <numerusform>База перенесена на сервер: скопировано %Ln строк, все таблицы совпадают.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="395"/>
        <source>The password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="428"/>
        <source>Server: %1</source>
        <translation>Сервер: %1</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="86"/>
        <source>Connect to a server</source>
        <translation>Подключение к серверу</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="91"/>
        <source>Work on a shared base on a PostgreSQL server, together with the other seats of the office. The server&apos;s administrator gives you these details.</source>
        <translation>Работайте с общей базой на сервере PostgreSQL вместе с другими рабочими местами офиса. Эти данные сообщает администратор сервера.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="99"/>
        <source>e.g. server.office.local or 192.168.1.10</source>
        <translation>например, server.office.local или 192.168.1.10</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="105"/>
        <source>Port:</source>
        <translation>Порт:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="107"/>
        <source>&amp;Server:</source>
        <translation>&amp;Сервер:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="112"/>
        <source>&amp;Database:</source>
        <translation>&amp;База данных:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="114"/>
        <source>&amp;User:</source>
        <translation>&amp;Пользователь:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="117"/>
        <source>&amp;Password:</source>
        <translation>Па&amp;роль:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="120"/>
        <source>If the server offers it</source>
        <translation>Если сервер поддерживает</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="121"/>
        <source>Always</source>
        <translation>Всегда</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="122"/>
        <source>Always, checking the server&apos;s certificate</source>
        <translation>Всегда, с проверкой сертификата сервера</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="123"/>
        <source>Never (only inside a trusted network)</source>
        <translation>Никогда (только в надёжной сети)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="126"/>
        <source>&amp;Encryption (SSL):</source>
        <translation>&amp;Шифрование (SSL):</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="127"/>
        <source>Remember the password in the system&apos;s password store</source>
        <translation>Запомнить пароль в хранилище паролей системы</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="134"/>
        <source>There is no system password store on this computer, so the password is not remembered. To connect without typing it at every start, put the line &lt;tt&gt;server:port:database:user:password&lt;/tt&gt; into the file &lt;tt&gt;%1&lt;/tt&gt; (readable by you only: &lt;tt&gt;chmod 600&lt;/tt&gt;).</source>
        <translation>На этом компьютере нет хранилища паролей системы, поэтому пароль не запоминается. Чтобы не вводить его при каждом запуске, запишите строку &lt;tt&gt;сервер:порт:база:пользователь:пароль&lt;/tt&gt; в файл &lt;tt&gt;%1&lt;/tt&gt; (доступный только вам: &lt;tt&gt;chmod 600&lt;/tt&gt;).</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="150"/>
        <source>C&amp;heck connection</source>
        <translation>Про&amp;верить подключение</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="151"/>
        <source>&amp;Move this computer&apos;s base to the server…</source>
        <translation>Перенести базу этого &amp;компьютера на сервер…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="153"/>
        <source>Copy every client, deal and reminder of this computer&apos;s base into the empty server database</source>
        <translation>Скопировать всех клиентов, сделки и напоминания базы этого компьютера в пустую базу на сервере</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="156"/>
        <source>&amp;Connect</source>
        <translation>По&amp;дключиться</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="188"/>
        <source>Fill in the server, the database and the user.</source>
        <translation>Заполните сервер, базу данных и пользователя.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="202"/>
        <source>Checking the connection…</source>
        <translation>Проверка подключения…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="224"/>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="245"/>
        <source>Contact person</source>
        <translation>Контактное лицо</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="254"/>
        <source>year unknown</source>
        <translation>год неизвестен</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="255"/>
        <source>Only the day and month are known: type them as dd.mm, e.g. 12.03</source>
        <translation>Известны только день и месяц: введите их как дд.мм, например 12.03</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="258"/>
        <source>One number per line, e.g. +7 916 123-45-67</source>
        <translation>По одному номеру в строке, например +7 916 123-45-67</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="261"/>
        <source>One address per line</source>
        <translation>По одному адресу в строке</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="265"/>
        <source>Main contact for this client</source>
        <translation>Основное контактное лицо клиента</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="272"/>
        <source>Full name:</source>
        <translation>ФИО:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="273"/>
        <source>Position:</source>
        <translation>Должность:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="274"/>
        <source>Birth date:</source>
        <translation>Дата рождения:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="275"/>
        <source>Phones:</source>
        <translation>Телефоны:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="276"/>
        <source>E-mails:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="277"/>
        <source>Note:</source>
        <translation>Примечание:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="330"/>
        <source>dd.mm</source>
        <translation>дд.мм</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="359"/>
        <source>Birth date: write the day and month as dd.mm, e.g. 25.03</source>
        <translation>Дата рождения: введите день и месяц как дд.мм, например 25.03</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="364"/>
        <source>Birth date: write it as dd.mm.yyyy, e.g. 25.03.1980 or 25031980 (or tick “year unknown” and write 25.03)</source>
        <translation>Дата рождения: введите её как дд.мм.гггг, например 25.03.1980 или 25031980 (или отметьте «год неизвестен» и введите 25.03)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/dialogs.py" line="378"/>
        <source>Age: %n</source>
        <translation>
            <numerusform>Возраст: %n год</numerusform>
            <numerusform>Возраст: %n года</numerusform>
            <numerusform>Возраст: %n лет</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <location filename="../../salesdesk/ui/card/contacts.py" line="28"/>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/contacts.py" line="28"/>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/contacts.py" line="28"/>
        <source>Phones</source>
        <translation>Телефоны</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/contacts.py" line="28"/>
        <source>E-mails</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/contacts.py" line="28"/>
        <source>Birthday</source>
        <translation>День рождения</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/contacts.py" line="32"/>
        <source>Save the new card first, then add its contact persons.</source>
        <translation>Сначала сохраните новую карточку, затем добавьте контактных лиц.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/contacts.py" line="35"/>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/contacts.py" line="36"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/contacts.py" line="37"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/contacts.py" line="42"/>
        <source>Import vCard…</source>
        <translation>Импорт vCard…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/contacts.py" line="43"/>
        <source>Add contact persons from a .vcf file (a phone&apos;s address book)</source>
        <translation>Добавить контактных лиц из файла .vcf (адресной книги телефона)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/contacts.py" line="44"/>
        <source>Export vCard…</source>
        <translation>Экспорт vCard…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/contacts.py" line="45"/>
        <source>Save this client&apos;s contact persons to a .vcf file</source>
        <translation>Сохранить контактных лиц этого клиента в файл .vcf</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/contacts.py" line="116"/>
        <source>Remove contact person</source>
        <translation>Удаление контактного лица</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/contacts.py" line="116"/>
        <source>Remove %s from this client&apos;s contacts?</source>
        <translation>Удалить %s из контактных лиц клиента?</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/contacts.py" line="123"/>
        <source>%s removed.</source>
        <translation>Контактное лицо %s удалено.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/contacts.py" line="145"/>
        <source>Export contacts to vCard</source>
        <translation>Выгрузка контактов в vCard</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/contacts.py" line="147"/>
        <source>Contact cards (*.vcf)</source>
        <translation>Карточки контактов (*.vcf)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/card/contacts.py" line="168"/>
        <source>%Ln contact person(s) exported to %1.</source>
        <translation>
            <numerusform>%Ln контактное лицо выгружено в %1.</numerusform>
            <numerusform>%Ln контактных лица выгружено в %1.</numerusform>
            <numerusform>%Ln контактных лиц выгружено в %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/contacts.py" line="170"/>
        <source>Open</source>
        <translation>Открыть</translation>
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
        <location filename="../../salesdesk/ui/crash.py" line="24"/>
        <source>SalesDesk ran into an internal error. What you typed is still in the window; save it if you can.</source>
        <translation>В SalesDesk произошла внутренняя ошибка. Введённые данные остались в окне — сохраните их, если получится.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/crash.py" line="29"/>
        <source>Details are in the log: %s</source>
        <translation>Подробности — в журнале: %s</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="330"/>
        <location filename="../../salesdesk/ui/widgets.py" line="481"/>
        <source>dd.mm.yyyy</source>
        <translation>дд.мм.гггг</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/widgets.py" line="482"/>
        <source>Type the date with or without dots, e.g. 15031985 or 15.03.1985</source>
        <translation>Дату можно вводить с точками или без, например 15031985 или 15.03.1985</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/widgets.py" line="488"/>
        <source>Choose on a calendar</source>
        <translation>Выбрать в календаре</translation>
    </message>
</context>
<context>
    <name>DealDialog</name>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="74"/>
        <source>New deal</source>
        <translation>Новая сделка</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="95"/>
        <source>no end date</source>
        <translation>без даты окончания</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="101"/>
        <source>— not set —</source>
        <translation>— не указан —</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="110"/>
        <source>Deal:</source>
        <translation>Сделка:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="111"/>
        <source>Amount:</source>
        <translation>Сумма:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="112"/>
        <source>Stage:</source>
        <translation>Стадия:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="113"/>
        <source>Reason lost:</source>
        <translation>Причина проигрыша:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="114"/>
        <source>Opened on:</source>
        <translation>Открыта:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="115"/>
        <source>Closed on:</source>
        <translation>Закрыта:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="116"/>
        <source>Contract ends:</source>
        <translation>Договор до:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="117"/>
        <source>Owner:</source>
        <translation>Ответственный:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="163"/>
        <source>Amount: write a number, e.g. 125000,50</source>
        <translation>Сумма: введите число, например 125000,50</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="168"/>
        <source>Opened on</source>
        <translation>Дата открытия</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="169"/>
        <source>Contract ends</source>
        <translation>Договор до</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="172"/>
        <source>Closed on</source>
        <translation>Дата закрытия</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="177"/>
        <source>%1: write the date as dd.mm.yyyy, e.g. 15.03.2027 or 15032027</source>
        <translation>%1: введите дату в виде дд.мм.гггг, например 15.03.2027 или 15032027</translation>
    </message>
</context>
<context>
    <name>DealTable</name>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="65"/>
        <source>Opened</source>
        <translation>Открыта</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="66"/>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="67"/>
        <source>Deal</source>
        <translation>Сделка</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="68"/>
        <source>Stage</source>
        <translation>Стадия</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="69"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="70"/>
        <source>Closed</source>
        <translation>Закрыта</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="71"/>
        <source>Contract ends</source>
        <translation>Договор до</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="72"/>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
</context>
<context>
    <name>DealsPanel</name>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="273"/>
        <source>Client name</source>
        <translation>Название клиента</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="278"/>
        <source>All stages</source>
        <translation>Все стадии</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="279"/>
        <source>Open (not won or lost)</source>
        <translation>Открытые (не выиграны и не проиграны)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="287"/>
        <source>Opened from</source>
        <translation>Открыты с</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="294"/>
        <source>Clear filters</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="303"/>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="454"/>
        <source>All owners</source>
        <translation>Все менеджеры</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="455"/>
        <source>All industries</source>
        <translation>Все отрасли</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="527"/>
        <source>Counting the deals…</source>
        <translation>Считаю сделки…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/deals_panel.py" line="529"/>
        <location filename="../../salesdesk/ui/deals_panel.py" line="541"/>
        <source>%Ln deal(s)</source>
        <translation>
            <numerusform>%Ln сделка</numerusform>
            <numerusform>%Ln сделки</numerusform>
            <numerusform>%Ln сделок</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="529"/>
        <source>adding up…</source>
        <translation>считаю сумму…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deals_panel.py" line="534"/>
        <source>Could not read the deals: %1</source>
        <translation>Не удалось прочитать сделки: %1</translation>
    </message>
</context>
<context>
    <name>DealsTab</name>
    <message>
        <location filename="../../salesdesk/ui/card/deals.py" line="24"/>
        <source>New deal…</source>
        <translation>Новая сделка…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/deals.py" line="25"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/deals.py" line="26"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/deals.py" line="27"/>
        <source>Files…</source>
        <translation>Файлы…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/deals.py" line="28"/>
        <source>The files of this deal: attach, open, save a copy, rename, delete</source>
        <translation>Файлы этой сделки: приложить, открыть, сохранить копию, переименовать, удалить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/deals.py" line="32"/>
        <source>Deal</source>
        <translation>Сделка</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/deals.py" line="32"/>
        <source>Stage</source>
        <translation>Стадия</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/deals.py" line="32"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/deals.py" line="32"/>
        <source>Opened</source>
        <translation>Открыта</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/deals.py" line="32"/>
        <source>Closed</source>
        <translation>Закрыта</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/deals.py" line="33"/>
        <source>Contract ends</source>
        <translation>Договор до</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/deals.py" line="34"/>
        <source>No deals with this client yet.</source>
        <translation>С этим клиентом пока нет сделок.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/deals.py" line="114"/>
        <source>Deal won: %1 is now an active client (was: %2).</source>
        <translation>Сделка выиграна: клиент %1 теперь действующий (был: %2).</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/deals.py" line="118"/>
        <source>Undo</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/deals.py" line="136"/>
        <source>Deal “%1” deleted.</source>
        <translation>Сделка «%1» удалена.</translation>
    </message>
</context>
<context>
    <name>DesktopActions</name>
    <message>
        <location filename="../../salesdesk/ui/desktop_integration.py" line="42"/>
        <source>Open base</source>
        <translation>Открыть базу</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/desktop_integration.py" line="44"/>
        <source>SalesDesk bases (*.sqlite *.db);;All files (*)</source>
        <translation>Базы SalesDesk (*.sqlite *.db);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/desktop_integration.py" line="51"/>
        <source>Cannot start SalesDesk:
%1</source>
        <translation>Не удалось запустить SalesDesk:
%1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/desktop_integration.py" line="60"/>
        <location filename="../../salesdesk/ui/desktop_integration.py" line="67"/>
        <source>User guide</source>
        <translation>Руководство пользователя</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/desktop_integration.py" line="61"/>
        <source>The user guide was not found. It is looked for in:
%1</source>
        <translation>Руководство пользователя не найдено. Оно ищется в папках:
%1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/desktop_integration.py" line="68"/>
        <source>No program opened the user guide. Open it yourself:
%1</source>
        <translation>Ни одна программа не открыла руководство. Откройте его сами:
%1</translation>
    </message>
</context>
<context>
    <name>DuplicateGroupsModel</name>
    <message>
        <location filename="../../salesdesk/ui/duplicates_dialog.py" line="75"/>
        <source>Score</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/duplicates_dialog.py" line="75"/>
        <source>Why</source>
        <translation>Почему</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/duplicates_dialog.py" line="75"/>
        <source>Clients</source>
        <translation>Клиенты</translation>
    </message>
</context>
<context>
    <name>DuplicateWarning</name>
    <message>
        <location filename="../../salesdesk/ui/card/header.py" line="192"/>
        <source>INN %1 already belongs to %2</source>
        <translation>ИНН %1 уже указан у клиента %2</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/header.py" line="194"/>
        <source>Phone %1 is already on %2</source>
        <translation>Телефон %1 уже есть у клиента %2</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/header.py" line="196"/>
        <source>E-mail %1 is already on %2</source>
        <translation>E-mail %1 уже есть у клиента %2</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/header.py" line="198"/>
        <source>A client with this name exists: %1</source>
        <translation>Клиент с таким названием уже есть: %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/header.py" line="200"/>
        <source>Merge with…</source>
        <translation>Объединить…</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../salesdesk/ui/duplicates_dialog.py" line="91"/>
        <source>Find duplicates</source>
        <translation>Поиск дубликатов</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/duplicates_dialog.py" line="98"/>
        <location filename="../../salesdesk/ui/duplicates_dialog.py" line="143"/>
        <source>Looking for duplicates…</source>
        <translation>Ищем дубликаты…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/duplicates_dialog.py" line="118"/>
        <source>Clients of the chosen group (choose two to merge; the first is kept):</source>
        <translation>Клиенты выбранной группы (выберите двух для объединения; первый остаётся):</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/duplicates_dialog.py" line="132"/>
        <source>Merge…</source>
        <translation>Объединить…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/duplicates_dialog.py" line="149"/>
        <source>%n group(s) of likely duplicates, most certain first.</source>
        <translation>
            <numerusform>%n группа похожих клиентов, самые вероятные первыми.</numerusform>
            <numerusform>%n группы похожих клиентов, самые вероятные первыми.</numerusform>
            <numerusform>%n групп похожих клиентов, самые вероятные первыми.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/duplicates_dialog.py" line="152"/>
        <source>No likely duplicates found.</source>
        <translation>Похожих клиентов не найдено.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/duplicates_dialog.py" line="163"/>
        <source>No. %d</source>
        <translation>№ %d</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/duplicates_dialog.py" line="194"/>
        <source>Merged: No. %1 into No. %2.</source>
        <translation>Объединено: № %1 — в № %2.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/duplicates_dialog.py" line="197"/>
        <source>Undo</source>
        <translation>Вернуть</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <location filename="../../salesdesk/ui/erasure_actions.py" line="79"/>
        <source>Ground:</source>
        <translation>Основание:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/erasure_actions.py" line="87"/>
        <source>Also erase from the backups: %n copies on this computer will be deleted</source>
        <translation>
            <numerusform>Удалить и из резервных копий: на этом компьютере будет удалена %n копия</numerusform>
            <numerusform>Удалить и из резервных копий: на этом компьютере будут удалены %n копии</numerusform>
            <numerusform>Удалить и из резервных копий: на этом компьютере будет удалено %n копий</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/erasure_actions.py" line="91"/>
        <source>A new copy of the base, without this data, is taken first (when this computer can); then this computer&apos;s older copies of the base are deleted.</source>
        <translation>Сначала делается новая копия базы, уже без этих данных (если этот компьютер может её сделать); затем прежние копии базы на этом компьютере удаляются.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/erasure_actions.py" line="96"/>
        <source>Also erase from the backups (%n copies)</source>
        <translation>
            <numerusform>Удалить и из резервных копий (%n копия)</numerusform>
            <numerusform>Удалить и из резервных копий (%n копии)</numerusform>
            <numerusform>Удалить и из резервных копий (%n копий)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/erasure_actions.py" line="99"/>
        <source>Each copy in the backup folder is rewritten without this data. A copy that cannot be rewritten is left as it was and named in the result.</source>
        <translation>Каждая копия в папке резервных копий будет переписана без этих данных. Копия, которую не удастся переписать, останется как есть и будет названа в итоге.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/erasure_actions.py" line="105"/>
        <source>A copy cannot be rewritten without the person; a new copy is taken first.</source>
        <translation>Копию нельзя переписать без этого человека, поэтому сначала делается новая копия, а прежние удаляются.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/erasure_actions.py" line="110"/>
        <source>Erase for good</source>
        <translation>Удалить безвозвратно</translation>
    </message>
</context>
<context>
    <name>Erasure</name>
    <message>
        <location filename="../../salesdesk/ui/erasure_actions.py" line="146"/>
        <source>Export everything about this person</source>
        <translation>Выгрузить всё об этом человеке</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/erasure_actions.py" line="147"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/erasure_actions.py" line="177"/>
        <source>Erase this person</source>
        <translation>Удалить данные человека</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/erasure_actions.py" line="179"/>
        <source>Erase this client</source>
        <translation>Удалить данные клиента</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/erasure_actions.py" line="329"/>
        <source>E&amp;xport everything about this person…</source>
        <translation>&amp;Выгрузить всё об этом человеке…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/erasure_actions.py" line="331"/>
        <source>E&amp;rase this person…</source>
        <translation>&amp;Удалить данные человека навсегда…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../salesdesk/ui/export_dialog.py" line="45"/>
        <location filename="../../salesdesk/ui/export_dialog.py" line="97"/>
        <location filename="../../salesdesk/ui/export_dialog.py" line="106"/>
        <source>Export clients</source>
        <translation>Экспорт клиентов</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/export_dialog.py" line="48"/>
        <source>Which clients</source>
        <translation>Каких клиентов</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/export_dialog.py" line="51"/>
        <source>The whole base (%1)</source>
        <translation>Всю базу (%1)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/export_dialog.py" line="52"/>
        <source>Those shown now (%1)</source>
        <translation>Показанных сейчас (%1)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/export_dialog.py" line="53"/>
        <source>The selected ones (%1)</source>
        <translation>Выделенных (%1)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/export_dialog.py" line="68"/>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/export_dialog.py" line="72"/>
        <source>Excel workbook (.xlsx): clients, contact persons, deals, reminders, contact history, files (a list), change history</source>
        <translation>Книга Excel (.xlsx): клиенты, контактные лица, сделки, напоминания, история контактов, файлы (список), история изменений</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/export_dialog.py" line="76"/>
        <source>CSV (.csv): the client list only, for other programs</source>
        <translation>CSV (.csv): только список клиентов, для других программ</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/export_dialog.py" line="80"/>
        <source>The workbook can be imported back into SalesDesk with nothing lost.</source>
        <translation>Книгу можно загрузить обратно в SalesDesk без потерь.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/export_dialog.py" line="86"/>
        <source>Export…</source>
        <translation>Экспортировать…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/export_dialog.py" line="95"/>
        <source>Clients %1</source>
        <translation>Клиенты %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/export_dialog.py" line="96"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/export_dialog.py" line="96"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../salesdesk/ui/file_actions.py" line="41"/>
        <location filename="../../salesdesk/ui/file_actions.py" line="48"/>
        <source>Demo data</source>
        <translation>Демоданные</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/file_actions.py" line="41"/>
        <source>How many demo clients to add to this base?</source>
        <translation>Сколько демонстрационных клиентов добавить в базу?</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/file_actions.py" line="49"/>
        <source>Adding demo clients…</source>
        <translation>Добавление демонстрационных клиентов…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/file_actions.py" line="59"/>
        <source>%Ln demo client(s) added.</source>
        <translation>
            <numerusform>Добавлен %Ln демонстрационный клиент.</numerusform>
            <numerusform>Добавлено %Ln демонстрационных клиента.</numerusform>
            <numerusform>Добавлено %Ln демонстрационных клиентов.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/file_actions.py" line="100"/>
        <source>Enrich from open data</source>
        <translation>Дополнить из открытых данных</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/file_actions.py" line="101"/>
        <source>Reading %1…</source>
        <translation>Чтение %1…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/file_actions.py" line="110"/>
        <source>Records read: %1. Clients of the base in the file: %2, updated: %3. Not in the SME register: %4.</source>
        <translation>Прочитано записей: %1. Клиентов базы в файле: %2, обновлено: %3. Нет в реестре МСП: %4.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/file_actions.py" line="118"/>
        <source>%Ln client(s) keep the industry chosen by hand, which differs from the register.</source>
        <translation>
            <numerusform>У %Ln клиента оставлена отрасль, выбранная вручную: она отличается от реестра.</numerusform>
            <numerusform>У %Ln клиентов оставлена отрасль, выбранная вручную: она отличается от реестра.</numerusform>
            <numerusform>У %Ln клиентов оставлена отрасль, выбранная вручную: она отличается от реестра.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/file_actions.py" line="124"/>
        <source>This file is one part of the SME register: clients not in it are not flagged (read the whole .zip archive for that).</source>
        <translation>Это одна часть реестра МСП: клиенты, которых в ней нет, не помечены (для этого прочитайте весь архив .zip).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/file_actions.py" line="129"/>
        <source>%Ln client(s) have newer figures than the file&apos;s: left as they were.</source>
        <translation>
            <numerusform>У %Ln клиента в карточке данные новее, чем в файле: оставлены как были.</numerusform>
            <numerusform>У %Ln клиентов в карточке данные новее, чем в файле: оставлены как были.</numerusform>
            <numerusform>У %Ln клиентов в карточке данные новее, чем в файле: оставлены как были.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/file_actions.py" line="136"/>
        <location filename="../../salesdesk/ui/file_actions.py" line="152"/>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/file_actions.py" line="153"/>
        <source>Writing %1…</source>
        <translation>Записываю %1…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/file_actions.py" line="170"/>
        <source>Export contacts to vCard</source>
        <translation>Выгрузка контактов в vCard</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/file_actions.py" line="172"/>
        <source>Contact cards (*.vcf)</source>
        <translation>Карточки контактов (*.vcf)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/file_actions.py" line="188"/>
        <source>%Ln contact person(s) exported to %1.</source>
        <translation>
            <numerusform>%Ln контактное лицо выгружено в %1.</numerusform>
            <numerusform>%Ln контактных лица выгружено в %1.</numerusform>
            <numerusform>%Ln контактных лиц выгружено в %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/file_actions.py" line="198"/>
        <source>%Ln client(s) exported to %1.</source>
        <translation>
            <numerusform>%Ln клиент выгружен в %1.</numerusform>
            <numerusform>%Ln клиента выгружено в %1.</numerusform>
            <numerusform>%Ln клиентов выгружено в %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/file_actions.py" line="190"/>
        <location filename="../../salesdesk/ui/file_actions.py" line="200"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="199"/>
        <source>Which file?</source>
        <translation>Какой файл?</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="202"/>
        <source>Excel (.xlsx, .xls), LibreOffice (.ods) or CSV (the first row with column names is found by itself), or contact cards from a phone or Outlook (.vcf).</source>
        <translation>Excel (.xlsx, .xls), LibreOffice (.ods) или CSV (строка с названиями столбцов находится сама) либо карточки контактов из телефона или Outlook (.vcf).</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="209"/>
        <source>Type or paste the path of the file, or choose it</source>
        <translation>Введите или вставьте путь к файлу либо выберите его</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="211"/>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="214"/>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="216"/>
        <source>Sheet:</source>
        <translation>Лист:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="219"/>
        <source>new clients (private persons)</source>
        <translation>новыми клиентами (физическими лицами)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="222"/>
        <source>contact persons of %1</source>
        <translation>контактными лицами клиента %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="224"/>
        <source>Cards become:</source>
        <translation>Карточки станут:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="259"/>
        <source>Spreadsheets and contact cards (*.xlsx *.xls *.ods *.csv *.vcf);;Spreadsheets (*.xlsx *.xls *.ods *.csv);;Contact cards (*.vcf);;All files (*)</source>
        <translation>Таблицы и карточки контактов (*.xlsx *.xls *.ods *.csv *.vcf);;Таблицы (*.xlsx *.xls *.ods *.csv);;Карточки контактов (*.vcf);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="262"/>
        <source>Import clients</source>
        <translation>Загрузка клиентов</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="302"/>
        <source>Reading the file…</source>
        <translation>Читаю файл…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="339"/>
        <source>%1: %Ln row(s) below the header; %2 column(s) recognised.</source>
        <translation>
            <numerusform>%1: %Ln строка под заголовком; распознано столбцов: %2.</numerusform>
            <numerusform>%1: %Ln строки под заголовком; распознано столбцов: %2.</numerusform>
            <numerusform>%1: %Ln строк под заголовком; распознано столбцов: %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="348"/>
        <source>%Ln contact card(s) in the file.</source>
        <translation>
            <numerusform>В файле %Ln карточка контакта.</numerusform>
            <numerusform>В файле %Ln карточки контактов.</numerusform>
            <numerusform>В файле %Ln карточек контактов.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="353"/>
        <source>The file cannot be read.</source>
        <translation>Файл не удаётся прочитать.</translation>
    </message>
</context>
<context>
    <name>FilesTab</name>
    <message>
        <location filename="../../salesdesk/ui/card/files.py" line="43"/>
        <source>Attach files</source>
        <translation>Приложить файлы</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/files.py" line="49"/>
        <source>Save a copy</source>
        <translation>Сохранить копию</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/files.py" line="56"/>
        <source>Rename file</source>
        <translation>Переименовать файл</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/files.py" line="57"/>
        <source>New name:</source>
        <translation>Новое имя:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/files.py" line="76"/>
        <source>Attach…</source>
        <translation>Приложить…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/files.py" line="77"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/files.py" line="78"/>
        <source>Save a copy…</source>
        <translation>Сохранить…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/files.py" line="79"/>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/files.py" line="80"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/files.py" line="81"/>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/files.py" line="82"/>
        <source>Show deleted</source>
        <translation>Показать удалённые</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/files.py" line="83"/>
        <source>Files deleted from this client, until the trash is emptied</source>
        <translation>Файлы, удалённые у этого клиента, — пока корзина не очищена</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/files.py" line="84"/>
        <source>Attach files to this client (or drag them onto this tab)</source>
        <translation>Приложить файлы к этому клиенту (или перетащите их на эту вкладку)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/files.py" line="85"/>
        <source>Open a copy with the program this computer uses for such files</source>
        <translation>Открыть копию в программе, которой этот компьютер открывает такие файлы</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/files.py" line="86"/>
        <source>Save a copy of the file on this computer</source>
        <translation>Сохранить копию файла на этом компьютере</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/files.py" line="92"/>
        <source>Files of:</source>
        <translation>Файлы:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/files.py" line="97"/>
        <source>The whole client, or one of its deals: Attach… adds files to what is chosen</source>
        <translation>Весь клиент или одна из его сделок: «Приложить…» добавляет файлы к выбранному</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/files.py" line="106"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/files.py" line="106"/>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/files.py" line="106"/>
        <source>Added</source>
        <translation>Добавлен</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/files.py" line="106"/>
        <source>Deal</source>
        <translation>Сделка</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/files.py" line="142"/>
        <source>the whole client</source>
        <translation>всего клиента</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/files.py" line="144"/>
        <source>deal “%1”</source>
        <translation>сделки «%1»</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/files.py" line="185"/>
        <source>No files yet. Drag files here or press Attach… (up to %1 MB each).</source>
        <translation>Файлов пока нет. Перетащите файлы сюда или нажмите «Приложить…» (до %1 МБ каждый).</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/files.py" line="171"/>
        <source>%1 (deleted)</source>
        <translation>%1 (удалён)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/files.py" line="187"/>
        <source>No files on this deal yet. Drag files here or press Attach… (up to %1 MB each).</source>
        <translation>У этой сделки пока нет файлов. Перетащите файлы сюда или нажмите «Приложить…» (до %1 МБ каждый).</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/files.py" line="263"/>
        <source>No program on this computer opens “%1”. Save a copy and open it from there.</source>
        <translation>На этом компьютере нет программы, которая открывает «%1». Сохраните копию и откройте её оттуда.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/files.py" line="282"/>
        <source>Saved: %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/files.py" line="307"/>
        <source>File “%1” deleted.</source>
        <translation>Файл «%1» удалён.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="44"/>
        <source>All clients</source>
        <translation>Все клиенты</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="45"/>
        <source>My clients</source>
        <translation>Мои клиенты</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="46"/>
        <location filename="../../salesdesk/ui/filters.py" line="160"/>
        <source>Your own clients or everyone&apos;s</source>
        <translation>Только ваши клиенты или клиенты всех менеджеров</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="50"/>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="56"/>
        <source>Tag</source>
        <translation>Метка</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="61"/>
        <location filename="../../salesdesk/ui/filters.py" line="202"/>
        <source>More</source>
        <translation>Ещё</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="65"/>
        <source>Only with an overdue reminder</source>
        <translation>Только с просроченным напоминанием</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="67"/>
        <source>Not in the SME register</source>
        <translation>Нет в реестре МСП</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="69"/>
        <source>Completeness below</source>
        <translation>Полнота ниже</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="76"/>
        <source>Without an INN</source>
        <translation>Без ИНН</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="78"/>
        <source>No contact for more than</source>
        <translation>Нет контактов дольше</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="82"/>
        <source>days</source>
        <translation>дн.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="86"/>
        <source>Needs checking</source>
        <translation>Нужно проверить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="89"/>
        <source>Clients with a filled requisite, phone or e-mail that nobody has confirmed for the months set in Settings: call them, or check the card and press Confirm</source>
        <translation>Клиенты, у которых реквизиты, телефон или e-mail никто не подтверждал дольше срока из Настроек: позвоните им или проверьте карточку и нажмите «Подтвердить»</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="105"/>
        <source>Clear filters</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="162"/>
        <source>Choose who you are (the button in the status bar) to see your own clients</source>
        <translation>Чтобы видеть своих клиентов, выберите, кто вы (кнопка в строке состояния)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="169"/>
        <source>All industries</source>
        <translation>Все отрасли</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="170"/>
        <source>All owners</source>
        <translation>Все менеджеры</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="202"/>
        <source>More (%1)</source>
        <translation>Ещё (%1)</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../salesdesk/ui/card/history.py" line="22"/>
        <source>Log a contact…</source>
        <translation>Записать контакт…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/history.py" line="23"/>
        <source>A call, meeting, letter or note; and the next contact</source>
        <translation>Звонок, встреча, письмо или заметка — и следующий контакт</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/history.py" line="24"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/history.py" line="30"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/history.py" line="30"/>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/history.py" line="30"/>
        <source>Summary</source>
        <translation>Содержание</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/history.py" line="30"/>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/history.py" line="30"/>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/history.py" line="34"/>
        <source>Nothing recorded yet: log calls, meetings and letters here.</source>
        <translation>Пока ничего не записано: здесь ведётся история звонков, встреч и писем.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/history.py" line="62"/>
        <source>Deal · %1</source>
        <translation>Сделка · %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/history.py" line="63"/>
        <source>Reminder · done</source>
        <translation>Напоминание · выполнено</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/history.py" line="63"/>
        <source>Reminder</source>
        <translation>Напоминание</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/history.py" line="107"/>
        <source>Entry deleted.</source>
        <translation>Запись удалена.</translation>
    </message>
</context>
<context>
    <name>HookDialog</name>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="118"/>
        <source>Next contact</source>
        <translation>Следующий контакт</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="122"/>
        <source>Get back to the client</source>
        <translation>Связаться с клиентом</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="123"/>
        <source>Reminder:</source>
        <translation>Напоминание:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="132"/>
        <source>On a date:</source>
        <translation>В указанный день:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="140"/>
        <source>When:</source>
        <translation>Когда:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="144"/>
        <source>Repeat:</source>
        <translation>Повтор:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="159"/>
        <source>In a month</source>
        <translation>Через месяц</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="160"/>
        <source>In 3 months</source>
        <translation>Через 3 месяца</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="161"/>
        <source>In 6 months</source>
        <translation>Через 6 месяцев</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="162"/>
        <source>In a year</source>
        <translation>Через год</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="176"/>
        <source>Write the date as dd.mm.yyyy, e.g. 15.03.2027 or 15032027</source>
        <translation>Введите дату в виде дд.мм.гггг, например 15.03.2027 или 15032027</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="178"/>
        <source>The date has passed: choose today or later</source>
        <translation>Эта дата уже прошла: выберите сегодня или позже</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="221"/>
        <source>On a date or repeating…</source>
        <translation>В указанный день или с повтором…</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="169"/>
        <source>Import clients or contact cards</source>
        <translation>Импорт клиентов или карточек контактов</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="171"/>
        <source>Import clients from a spreadsheet</source>
        <translation>Загрузка клиентов из таблицы</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="173"/>
        <source>Import contact persons of %1 from contact cards (.vcf)</source>
        <translation>Импорт контактных лиц %1 из карточек контактов (.vcf)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="177"/>
        <source>Import contact cards (.vcf) as clients</source>
        <translation>Импорт карточек контактов (.vcf) как новых клиентов</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="618"/>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="619"/>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="619"/>
        <source>Contact person</source>
        <translation>Контактное лицо</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="620"/>
        <source>What happens</source>
        <translation>Что будет</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="621"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="632"/>
        <source>new contact person</source>
        <translation>новое контактное лицо</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="647"/>
        <source>contact persons</source>
        <translation>контактные лица</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="648"/>
        <source>deals</source>
        <translation>сделки</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="649"/>
        <source>reminders</source>
        <translation>напоминания</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="658"/>
        <source>new client</source>
        <translation>новый клиент</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="659"/>
        <source>update</source>
        <translation>обновление</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="660"/>
        <source>already in the base</source>
        <translation>уже есть в базе</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="661"/>
        <source>duplicate, skipped</source>
        <translation>дубль, пропущен</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="662"/>
        <source>error, not imported</source>
        <translation>ошибка, не загружается</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="671"/>
        <source>same as %1</source>
        <translation>совпадает с %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="674"/>
        <source>fills: %1</source>
        <translation>заполняет: %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="679"/>
        <source>repaired: %1</source>
        <translation>исправлено: %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="825"/>
        <source>New industries: %1.</source>
        <translation>Новые отрасли: %1.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="827"/>
        <source>New managers: %1.</source>
        <translation>Новые менеджеры: %1.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="829"/>
        <source>Also from the other sheets: %1 contact person(s), %2 deal(s), %3 reminder(s), %4 entries of contact history.</source>
        <translation>Также с других листов: контактных лиц — %1, сделок — %2, напоминаний — %3, записей истории контактов — %4.</translation>
    </message>
</context>
<context>
    <name>IndustriesDialog</name>
    <message>
        <location filename="../../salesdesk/ui/industries_dialog.py" line="46"/>
        <source>Industries</source>
        <translation>Отрасли</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/industries_dialog.py" line="59"/>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/industries_dialog.py" line="65"/>
        <source>e.g. G or 46.90</source>
        <translation>например, G или 46.90</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/industries_dialog.py" line="70"/>
        <source>What to know about this market: trends, key players, seasonality, who decides on purchases…</source>
        <translation>Что важно знать об этом рынке: тенденции, крупные игроки, сезонность, кто принимает решение о закупках…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/industries_dialog.py" line="73"/>
        <source>Managers see these notes on the cards of clients in this industry.</source>
        <translation>Эти заметки менеджеры видят в карточках клиентов этой отрасли.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/industries_dialog.py" line="76"/>
        <source>OKVED code:</source>
        <translation>Код ОКВЭД:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/industries_dialog.py" line="77"/>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/industries_dialog.py" line="78"/>
        <source>Notes:</source>
        <translation>Заметки:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/industries_dialog.py" line="86"/>
        <source>Benchmarks:</source>
        <translation>Ориентиры:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/industries_dialog.py" line="88"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/industries_dialog.py" line="89"/>
        <source>Remove from the list</source>
        <translation>Убрать из списка</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/industries_dialog.py" line="158"/>
        <source>revenue</source>
        <translation>выручка</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/industries_dialog.py" line="158"/>
        <source>headcount</source>
        <translation>численность</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/industries_dialog.py" line="168"/>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/industries_dialog.py" line="172"/>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/industries_dialog.py" line="174"/>
        <source>Base: Q1 / median / Q3 (clients)</source>
        <translation>База: Q1 / медиана / Q3 (клиентов)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/industries_dialog.py" line="175"/>
        <source>Register: Q1 / median / Q3 (businesses)</source>
        <translation>Реестр: Q1 / медиана / Q3 (предприятий)</translation>
    </message>
</context>
<context>
    <name>ListTab</name>
    <message>
        <location filename="../../salesdesk/ui/card/lists.py" line="109"/>
        <source>Undo</source>
        <translation>Вернуть</translation>
    </message>
</context>
<context>
    <name>LogDialog</name>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="290"/>
        <source>Log a contact</source>
        <translation>Запись о контакте</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="313"/>
        <source>What was it about?</source>
        <translation>О чём был разговор?</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="315"/>
        <source>What came of it (optional)</source>
        <translation>Чем закончилось (необязательно)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="320"/>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="321"/>
        <source>When:</source>
        <translation>Когда:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="322"/>
        <source>Summary:</source>
        <translation>Содержание:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="323"/>
        <source>Result:</source>
        <translation>Итог:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="330"/>
        <source>Mark the reminder “%1” done</source>
        <translation>Отметить напоминание «%1» выполненным</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="333"/>
        <source>Plan the next contact</source>
        <translation>Запланировать следующий контакт</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="341"/>
        <source>Get back to the client</source>
        <translation>Связаться с клиентом</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="345"/>
        <source>When…</source>
        <translation>Когда…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="368"/>
        <source>They answered: the e-mail is confirmed</source>
        <translation>Ответили — e-mail подтверждён</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="370"/>
        <source>Got through: the phone is confirmed</source>
        <translation>Дозвонились — телефон подтверждён</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="373"/>
        <source>The card&apos;s data stay fresh: a contact that got through confirms the phone or e-mail</source>
        <translation>Данные карточки остаются свежими: состоявшийся контакт подтверждает телефон или e-mail</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/deal_dialogs.py" line="408"/>
        <source>Write the date as dd.mm.yyyy, e.g. 15.03.2027 or 15032027</source>
        <translation>Введите дату в виде дд.мм.гггг, например 15.03.2027 или 15032027</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="105"/>
        <source>Reminders</source>
        <translation>Напоминания</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="152"/>
        <source>Calendar</source>
        <translation>Календарь</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="172"/>
        <source>&amp;New client</source>
        <translation>Новый &amp;клиент</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="172"/>
        <source>Create a client card</source>
        <translation>Создать карточку клиента</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="175"/>
        <source>Move to &amp;trash</source>
        <translation>&amp;Удалить в корзину</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="178"/>
        <source>Move the selected clients to the trash</source>
        <translation>Переместить выбранных клиентов в корзину</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="182"/>
        <source>&amp;Restore from trash</source>
        <translation>&amp;Восстановить из корзины</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="183"/>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="185"/>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="186"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="187"/>
        <source>Show the &amp;trash</source>
        <translation>Показать &amp;корзину</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="189"/>
        <source>Load &amp;demo data…</source>
        <translation>Загрузить &amp;демоданные…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="194"/>
        <source>Add clients from Excel, LibreOffice or CSV, or contact cards from a .vcf file</source>
        <translation>Добавить клиентов из Excel, LibreOffice или CSV либо карточки контактов из файла .vcf</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="200"/>
        <source>Export contacts to &amp;vCard…</source>
        <translation>Выгрузить контакты в &amp;vCard…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="202"/>
        <source>Save the contact persons of the selected clients (or of all shown) to a .vcf file</source>
        <translation>Сохранить контактных лиц выбранных клиентов (или всех показанных) в файл .vcf</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="205"/>
        <source>En&amp;rich from open data…</source>
        <translation>&amp;Дополнить из открытых данных…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="208"/>
        <source>Fill clients&apos; SME category, OKVED activity, region, headcount and revenue from a file of the tax service&apos;s open data (.zip or .xml)</source>
        <translation>Заполнить у клиентов категорию МСП, вид деятельности по ОКВЭД, регион, численность и выручку из файла открытых данных налоговой службы (.zip или .xml)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="213"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="215"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="216"/>
        <source>&amp;About SalesDesk</source>
        <translation>&amp;О программе SalesDesk</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="219"/>
        <source>Open &amp;base…</source>
        <translation>Открыть &amp;базу…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="219"/>
        <source>Open another base in a window of its own</source>
        <translation>Открыть другую базу в отдельном окне</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="222"/>
        <source>User &amp;guide</source>
        <translation>&amp;Руководство пользователя</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="225"/>
        <source>Remind me in &amp;3 months</source>
        <translation>Напомнить через &amp;3 месяца</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="228"/>
        <source>Plan the next contact with this client in three months</source>
        <translation>Запланировать следующий контакт с клиентом через три месяца</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="245"/>
        <source>Cal&amp;endar</source>
        <translation>&amp;Календарь</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="251"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="267"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="271"/>
        <source>Find d&amp;uplicates…</source>
        <translation>Найти &amp;дубликаты…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="276"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="280"/>
        <source>&amp;Columns</source>
        <translation>&amp;Столбцы</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="285"/>
        <source>&amp;Client</source>
        <translation>&amp;Клиент</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="304"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="108"/>
        <source>&amp;Reminders panel</source>
        <translation>Панель &amp;напоминаний</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="145"/>
        <source>Clients</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="146"/>
        <source>Deals</source>
        <translation>Сделки</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="149"/>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="191"/>
        <source>&amp;Import from a spreadsheet…</source>
        <translation>&amp;Загрузить из таблицы…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="197"/>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="197"/>
        <source>Save clients to Excel or CSV</source>
        <translation>Сохранить клиентов в Excel или CSV</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="231"/>
        <source>&amp;Log a contact…</source>
        <translation>&amp;Записать контакт…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="234"/>
        <source>Record a call, meeting, letter or note and plan the next contact</source>
        <translation>Записать звонок, встречу, письмо или заметку и запланировать следующий контакт</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="236"/>
        <source>New &amp;deal…</source>
        <translation>Новая &amp;сделка…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="237"/>
        <source>&amp;Industries…</source>
        <translation>&amp;Отрасли…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="238"/>
        <source>Ne&amp;xt client</source>
        <translation>С&amp;ледующий клиент</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="240"/>
        <source>Pre&amp;vious client</source>
        <translation>П&amp;редыдущий клиент</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="245"/>
        <source>C&amp;lients</source>
        <translation>&amp;Клиенты</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="245"/>
        <source>&amp;Deals</source>
        <translation>&amp;Сделки</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="245"/>
        <location filename="../../salesdesk/ui/main_window.py" line="299"/>
        <source>&amp;Reports</source>
        <translation>&amp;Отчёты</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="383"/>
        <source>What is in each column?</source>
        <translation>Что в каждом столбце?</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="385"/>
        <source>Check what SalesDesk recognised and change it where needed. A client needs at least a name.</source>
        <translation>Проверьте, что распознал SalesDesk, и поправьте, где нужно. У клиента должно быть хотя бы название.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="389"/>
        <source>Column names are in row:</source>
        <translation>Названия столбцов в строке:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="394"/>
        <source>Saved mapping:</source>
        <translation>Сохранённое сопоставление:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="398"/>
        <source>Save as…</source>
        <translation>Сохранить как…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="435"/>
        <source>Column in the file</source>
        <translation>Столбец в файле</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="435"/>
        <source>Goes to</source>
        <translation>Куда</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="436"/>
        <source>Example %1</source>
        <translation>Пример %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="444"/>
        <source>Column %1</source>
        <translation>Столбец %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="448"/>
        <source>— do not import —</source>
        <translation>— не загружать —</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="496"/>
        <source>— none —</source>
        <translation>— нет —</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="516"/>
        <source>Save mapping</source>
        <translation>Сохранить сопоставление</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="516"/>
        <source>Name of this mapping:</source>
        <translation>Название сопоставления:</translation>
    </message>
</context>
<context>
    <name>MergeActions</name>
    <message>
        <location filename="../../salesdesk/ui/merge_dialog.py" line="237"/>
        <source>Undo</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/merge_dialog.py" line="244"/>
        <source>“%1” was merged into “%2” and moved to the trash.</source>
        <translation>«%1» объединён с «%2» и перенесён в корзину.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/merge_dialog.py" line="252"/>
        <source>The merge was undone.</source>
        <translation>Объединение отменено.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../salesdesk/ui/merge_dialog.py" line="69"/>
        <source>Merge clients</source>
        <translation>Объединение клиентов</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/merge_dialog.py" line="79"/>
        <source>The card on the left is kept. Choose which value stays in each field; the other card&apos;s contact persons, deals, history and reminders move onto the kept card, and the other card goes to the trash. Undo puts everything back.</source>
        <translation>Карточка слева остаётся. Выберите, какое значение сохранить в каждом поле; контактные лица, сделки, история и напоминания второй карточки перейдут в остающуюся, а вторая карточка уйдёт в корзину. «Вернуть» восстановит всё как было.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/merge_dialog.py" line="86"/>
        <source>Keep the other card instead</source>
        <translation>Оставить другую карточку</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/merge_dialog.py" line="99"/>
        <source>Merge</source>
        <translation>Объединить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/merge_dialog.py" line="119"/>
        <source>Kept</source>
        <translation>Остаётся</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/merge_dialog.py" line="119"/>
        <source>Goes to the trash</source>
        <translation>Уходит в корзину</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/merge_dialog.py" line="120"/>
        <source>No. %d</source>
        <translation>№ %d</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/merge_dialog.py" line="136"/>
        <source>(empty)</source>
        <translation>(пусто)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/merge_dialog.py" line="144"/>
        <source>Both cards&apos;: %1</source>
        <translation>Обеих карточек: %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/merge_dialog.py" line="145"/>
        <source>Tags of both cards</source>
        <translation>Метки обеих карточек</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/merge_dialog.py" line="158"/>
        <source>Moving onto the kept card: contact persons %1, deals %2, history entries %3, reminders %4.</source>
        <translation>Перейдут в остающуюся карточку: контактные лица — %1, сделки — %2, записи истории — %3, напоминания — %4.</translation>
    </message>
</context>
<context>
    <name>MyMonthPanel</name>
    <message>
        <location filename="../../salesdesk/ui/my_month.py" line="87"/>
        <source>My month: no plan</source>
        <translation>Мой месяц: плана нет</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/my_month.py" line="90"/>
        <source>My month: plan is 0</source>
        <translation>Мой месяц: план 0</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/my_month.py" line="93"/>
        <source>My month: %1 % of plan</source>
        <translation>Мой месяц: %1 % плана</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/my_month.py" line="96"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>остался %n день</numerusform>
            <numerusform>осталось %n дня</numerusform>
            <numerusform>осталось %n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/my_month.py" line="98"/>
        <source>%n deal(s) in proposal</source>
        <translation>
            <numerusform>%n сделка в предложении</numerusform>
            <numerusform>%n сделки в предложении</numerusform>
            <numerusform>%n сделок в предложении</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/my_month.py" line="107"/>
        <source>no plan</source>
        <translation>плана нет</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/my_month.py" line="110"/>
        <source>Plan %1 · won %2 · forecast %3</source>
        <translation>План %1 · выиграно %2 · прогноз %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/my_month.py" line="119"/>
        <source>Forecast: open deals by stage, as far as they can close before the month ends (sales cycle %n day(s))</source>
        <translation>
            <numerusform>Прогноз: открытые сделки по стадиям — в той части, что успеет закрыться до конца месяца (цикл сделки %n день)</numerusform>
            <numerusform>Прогноз: открытые сделки по стадиям — в той части, что успеет закрыться до конца месяца (цикл сделки %n дня)</numerusform>
            <numerusform>Прогноз: открытые сделки по стадиям — в той части, что успеет закрыться до конца месяца (цикл сделки %n дней)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/my_month.py" line="125"/>
        <source>Click to open Plan and fact</source>
        <translation>Нажмите, чтобы открыть «План и факт»</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../../salesdesk/ui/widgets.py" line="118"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="541"/>
        <source>Clients that are already in the base</source>
        <translation>Клиенты, которые уже есть в базе</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="544"/>
        <source>A row is the same client when the INN (and KPP of a branch), a phone, an e-mail or the name matches — never when both INNs are known and differ.</source>
        <translation>Строка считается тем же клиентом, если совпадает ИНН (и КПП филиала), телефон, e-mail или название — но никогда, если оба ИНН известны и различаются.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="553"/>
        <source>Fill in what the card is missing</source>
        <translation>Дополнить карточку тем, чего в ней нет</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="555"/>
        <source>Fields empty in the card are taken from the file; nothing filled in is changed. Importing the same file again changes nothing.</source>
        <translation>Пустые поля карточки заполняются из файла, заполненные не меняются. Повторная загрузка того же файла ничего не изменит.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="561"/>
        <source>Update the card from the file</source>
        <translation>Обновить карточку по файлу</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="562"/>
        <source>Values in the file replace the card&apos;s; empty cells leave the card as it is.</source>
        <translation>Значения из файла заменяют значения карточки; пустые ячейки карточку не меняют.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="564"/>
        <source>Leave such clients alone</source>
        <translation>Не трогать таких клиентов</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="564"/>
        <source>Only new clients are added.</source>
        <translation>Добавляются только новые клиенты.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="567"/>
        <source>Add them as new clients anyway</source>
        <translation>Всё равно добавить как новых клиентов</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="568"/>
        <source>Every row becomes a client, even if the base has one like it.</source>
        <translation>Каждая строка станет клиентом, даже если похожий уже есть в базе.</translation>
    </message>
</context>
<context>
    <name>PageLoader</name>
    <message>
        <location filename="../../salesdesk/ui/paging.py" line="88"/>
        <source>an internal error (see the log)</source>
        <translation>внутренняя ошибка (подробности в журнале)</translation>
    </message>
</context>
<context>
    <name>PlanGridModel</name>
    <message>
        <location filename="../../salesdesk/ui/plans_dialog.py" line="77"/>
        <source>%1 (left)</source>
        <translation>%1 (не работает)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/plans_dialog.py" line="106"/>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/plans_dialog.py" line="108"/>
        <source>Q%1</source>
        <translation>%1 кв.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/plans_dialog.py" line="142"/>
        <source>Changed; saved with Save</source>
        <translation>Изменено; сохранится кнопкой «Сохранить»</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/plans_dialog.py" line="191"/>
        <source>Not an amount: %1</source>
        <translation>Не сумма: %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/plans_dialog.py" line="196"/>
        <source>A plan cannot be negative</source>
        <translation>План не может быть отрицательным</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/plans_dialog.py" line="219"/>
        <source>Jan</source>
        <translation>Янв</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/plans_dialog.py" line="220"/>
        <source>Feb</source>
        <translation>Фев</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/plans_dialog.py" line="221"/>
        <source>Mar</source>
        <translation>Мар</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/plans_dialog.py" line="222"/>
        <source>Apr</source>
        <translation>Апр</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/plans_dialog.py" line="223"/>
        <source>May</source>
        <translation>Май</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/plans_dialog.py" line="224"/>
        <source>Jun</source>
        <translation>Июн</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/plans_dialog.py" line="225"/>
        <source>Jul</source>
        <translation>Июл</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/plans_dialog.py" line="226"/>
        <source>Aug</source>
        <translation>Авг</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/plans_dialog.py" line="227"/>
        <source>Sep</source>
        <translation>Сен</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/plans_dialog.py" line="228"/>
        <source>Oct</source>
        <translation>Окт</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/plans_dialog.py" line="229"/>
        <source>Nov</source>
        <translation>Ноя</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/plans_dialog.py" line="230"/>
        <source>Dec</source>
        <translation>Дек</translation>
    </message>
</context>
<context>
    <name>PlansDialog</name>
    <message>
        <location filename="../../salesdesk/ui/plans_dialog.py" line="241"/>
        <source>Sales plans</source>
        <translation>Планы продаж</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/plans_dialog.py" line="260"/>
        <source>by month</source>
        <translation>по месяцам</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/plans_dialog.py" line="261"/>
        <source>by quarter</source>
        <translation>по кварталам</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/plans_dialog.py" line="267"/>
        <source>Year:</source>
        <translation>Год:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/plans_dialog.py" line="270"/>
        <source>Currency:</source>
        <translation>Валюта:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/plans_dialog.py" line="325"/>
        <source>A quarter&apos;s plan is split evenly over its months; a monthly plan replaces its month&apos;s share. An empty cell is no plan; 0 is a plan of zero.</source>
        <translation>План квартала делится поровну на его месяцы; план месяца, если задан, заменяет долю квартала. Пустая клетка — плана нет; 0 — нулевой план.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/plans_dialog.py" line="329"/>
        <source>Only a head (%1) sets the plans.</source>
        <translation>Планы задаёт только руководитель (%1).</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="688"/>
        <source>Preview: nothing is written yet</source>
        <translation>Предпросмотр: в базу пока ничего не записано</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="703"/>
        <source>keep the name in the base</source>
        <translation>оставить название из базы</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="704"/>
        <source>rename the client as in the file</source>
        <translation>переименовать клиента, как в файле</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="705"/>
        <source>skip these rows</source>
        <translation>пропустить эти строки</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="712"/>
        <source>Show:</source>
        <translation>Показать:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="715"/>
        <source>all rows</source>
        <translation>все строки</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="716"/>
        <source>errors</source>
        <translation>ошибки</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="717"/>
        <source>new clients</source>
        <translation>новых клиентов</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="718"/>
        <source>updates and duplicates</source>
        <translation>обновления и дубли</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="719"/>
        <source>same INN, phone or e-mail, different name</source>
        <translation>тот же ИНН, телефон или e-mail, другое название</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="753"/>
        <source>Checking every row…</source>
        <translation>Проверяю каждую строку…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="778"/>
        <source>%n row(s) match a client by INN, phone or e-mail, but the name is different. For them:</source>
        <translation>
            <numerusform>%n строка совпадает с клиентом по ИНН, телефону или e-mail, но название другое. Как быть с названием:</numerusform>
            <numerusform>%n строки совпадают с клиентом по ИНН, телефону или e-mail, но название другое. Как быть с названием:</numerusform>
            <numerusform>%n строк совпадают с клиентом по ИНН, телефону или e-mail, но название другое. Как быть с названием:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="788"/>
        <source>The file cannot be checked.</source>
        <translation>Файл не удаётся проверить.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="815"/>
        <source>%Ln new client(s)</source>
        <translation>
            <numerusform>%Ln новый клиент</numerusform>
            <numerusform>%Ln новых клиента</numerusform>
            <numerusform>%Ln новых клиентов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="815"/>
        <source>%Ln new contact person(s)</source>
        <translation>
            <numerusform>%Ln новое контактное лицо</numerusform>
            <numerusform>%Ln новых контактных лица</numerusform>
            <numerusform>%Ln новых контактных лиц</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="816"/>
        <source>%Ln update(s)</source>
        <translation>
            <numerusform>%Ln обновление</numerusform>
            <numerusform>%Ln обновления</numerusform>
            <numerusform>%Ln обновлений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="817"/>
        <source>%Ln already in the base</source>
        <translation>
            <numerusform>%Ln уже есть в базе</numerusform>
            <numerusform>%Ln уже есть в базе</numerusform>
            <numerusform>%Ln уже есть в базе</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="818"/>
        <source>%Ln duplicate(s) skipped</source>
        <translation>
            <numerusform>%Ln дубль пропущен</numerusform>
            <numerusform>%Ln дубля пропущено</numerusform>
            <numerusform>%Ln дублей пропущено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="819"/>
        <source>%Ln row(s) with errors</source>
        <translation>
            <numerusform>%Ln строка с ошибками</numerusform>
            <numerusform>%Ln строки с ошибками</numerusform>
            <numerusform>%Ln строк с ошибками</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="823"/>
        <source>Leading zeros restored in %Ln row(s).</source>
        <translation>
            <numerusform>Ведущие нули восстановлены в %Ln строке.</numerusform>
            <numerusform>Ведущие нули восстановлены в %Ln строках.</numerusform>
            <numerusform>Ведущие нули восстановлены в %Ln строках.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="844"/>
        <source>There is nothing to import.</source>
        <translation>Загружать нечего.</translation>
    </message>
</context>
<context>
    <name>ProgressTask</name>
    <message>
        <location filename="../../salesdesk/ui/progress.py" line="61"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/progress.py" line="82"/>
        <source>Cancelling…</source>
        <translation>Отмена операции…</translation>
    </message>
</context>
<context>
    <name>ProspectsDialog</name>
    <message>
        <location filename="../../salesdesk/ui/prospects_dialog.py" line="49"/>
        <source>Find prospects in the tax register</source>
        <translation>Поиск новых клиентов в реестре МСП</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/prospects_dialog.py" line="52"/>
        <source>No file chosen</source>
        <translation>Файл не выбран</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/prospects_dialog.py" line="54"/>
        <source>Choose a file…</source>
        <translation>Выбрать файл…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/prospects_dialog.py" line="59"/>
        <source>e.g. 62.01, 62 or J</source>
        <translation>например, 62.01, 62 или J</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/prospects_dialog.py" line="61"/>
        <source>two digits, e.g. 77; empty: any</source>
        <translation>две цифры, например 77; пусто — любой</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/prospects_dialog.py" line="64"/>
        <source>Any</source>
        <translation>Любая</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/prospects_dialog.py" line="71"/>
        <source>Register file:</source>
        <translation>Файл реестра:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/prospects_dialog.py" line="72"/>
        <source>OKVED code:</source>
        <translation>Код ОКВЭД:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/prospects_dialog.py" line="73"/>
        <source>Region:</source>
        <translation>Регион:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/prospects_dialog.py" line="74"/>
        <source>SME category:</source>
        <translation>Категория МСП:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/prospects_dialog.py" line="75"/>
        <source>At most:</source>
        <translation>Не больше:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/prospects_dialog.py" line="76"/>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/prospects_dialog.py" line="77"/>
        <source>Add to the base as prospects</source>
        <translation>Добавить в базу как потенциальных</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/prospects_dialog.py" line="85"/>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/prospects_dialog.py" line="85"/>
        <source>OKVED</source>
        <translation>ОКВЭД</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/prospects_dialog.py" line="85"/>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/prospects_dialog.py" line="85"/>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/prospects_dialog.py" line="85"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/prospects_dialog.py" line="124"/>
        <source>Choose a register file first.</source>
        <translation>Сначала выберите файл реестра.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/prospects_dialog.py" line="136"/>
        <source>Reading %1…</source>
        <translation>Чтение %1…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/prospects_dialog.py" line="157"/>
        <source>The file has no matching companies that are not in the base already.</source>
        <translation>В файле нет подходящих компаний, которых ещё нет в базе.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/prospects_dialog.py" line="184"/>
        <source>%Ln prospect(s) added, each with a first reminder.</source>
        <translation>
            <numerusform>Добавлен %Ln потенциальный клиент, у каждого первое напоминание.</numerusform>
            <numerusform>Добавлено %Ln потенциальных клиента, у каждого первое напоминание.</numerusform>
            <numerusform>Добавлено %Ln потенциальных клиентов, у каждого первое напоминание.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../salesdesk/ui/qt_strings.py" line="15"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Папка:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/qt_strings.py" line="16"/>
        <source>Files of &amp;type:</source>
        <translation>&amp;Тип файлов:</translation>
    </message>
</context>
<context>
    <name>RegisterFileChoice</name>
    <message>
        <location filename="../../salesdesk/ui/file_actions.py" line="215"/>
        <source>Enrich from open data</source>
        <translation>Дополнить из открытых данных</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/file_actions.py" line="217"/>
        <source>Tax service open data (*.zip *.xml);;All files (*)</source>
        <translation>Открытые данные ФНС (*.zip *.xml);;Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>ReminderNotices</name>
    <message>
        <location filename="../../salesdesk/ui/reminder_notices.py" line="41"/>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminder_notices.py" line="93"/>
        <source>Reminder: %1 — %2</source>
        <translation>Напоминание: %1 — %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/reminder_notices.py" line="95"/>
        <source>%Ln reminder(s) came due.</source>
        <translation>
            <numerusform>Подошёл срок %Ln напоминания.</numerusform>
            <numerusform>Подошёл срок %Ln напоминаний.</numerusform>
            <numerusform>Подошёл срок %Ln напоминаний.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminder_notices.py" line="104"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
</context>
<context>
    <name>RemindersPanel</name>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="115"/>
        <source>My reminders</source>
        <translation>Мои напоминания</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="117"/>
        <source>All managers</source>
        <translation>Все менеджеры</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="127"/>
        <source>Who are you?…</source>
        <translation>Кто вы?…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="128"/>
        <source>Choose yourself to see your own reminders</source>
        <translation>Выберите себя, чтобы видеть свои напоминания</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="131"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="131"/>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="97"/>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="131"/>
        <source>Reminder</source>
        <translation>Напоминание</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="143"/>
        <source>No reminders. Plan the next contact from a client&apos;s card: Reminders → Remind me…</source>
        <translation>Напоминаний нет. Следующий контакт планируется в карточке клиента: «Напоминания» → «Напомнить…».</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="148"/>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="486"/>
        <source>Done</source>
        <translation>Завершить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="149"/>
        <source>Mark the reminder done (a repeating one moves to its next date)</source>
        <translation>Отметить напоминание выполненным (повторяющееся переносится на следующую дату)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="150"/>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="487"/>
        <source>Snooze</source>
        <translation>Отложить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="152"/>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="488"/>
        <source>Next contact</source>
        <translation>Следующий контакт</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="153"/>
        <source>Mark done and plan the next contact with this client</source>
        <translation>Завершить и запланировать следующий контакт с этим клиентом</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="155"/>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="485"/>
        <source>Open client</source>
        <translation>Открыть клиента</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="156"/>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="484"/>
        <source>Log the result…</source>
        <translation>Записать итог…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="157"/>
        <source>Record what came of it, close the reminder and plan the next contact</source>
        <translation>Записать итог, закрыть напоминание и запланировать следующий контакт</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="182"/>
        <source>For an hour</source>
        <translation>На час</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="183"/>
        <source>Until tomorrow</source>
        <translation>До завтра</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="184"/>
        <source>Until next week</source>
        <translation>До следующей недели</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="201"/>
        <source>Choose who you are first</source>
        <translation>Сначала выберите, кто вы</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/reminders_panel.py" line="220"/>
        <source>You have %Ln overdue reminder(s). They are at the top of the Reminders panel.</source>
        <translation>
            <numerusform>У вас %Ln просроченное напоминание. Просроченные показаны вверху панели «Напоминания».</numerusform>
            <numerusform>У вас %Ln просроченных напоминания. Просроченные показаны вверху панели «Напоминания».</numerusform>
            <numerusform>У вас %Ln просроченных напоминаний. Просроченные показаны вверху панели «Напоминания».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/reminders_panel.py" line="222"/>
        <source>There are %Ln overdue reminder(s) in the office. They are at the top of the Reminders panel.</source>
        <translation>
            <numerusform>В офисе %Ln просроченное напоминание. Просроченные показаны вверху панели «Напоминания».</numerusform>
            <numerusform>В офисе %Ln просроченных напоминания. Просроченные показаны вверху панели «Напоминания».</numerusform>
            <numerusform>В офисе %Ln просроченных напоминаний. Просроченные показаны вверху панели «Напоминания».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/reminders_panel.py" line="230"/>
        <source>My overdue reminders: %Ln</source>
        <translation>
            <numerusform>Мои просроченные: %Ln</numerusform>
            <numerusform>Мои просроченные: %Ln</numerusform>
            <numerusform>Мои просроченные: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/reminders_panel.py" line="231"/>
        <source>Overdue in the office: %Ln</source>
        <translation>
            <numerusform>Просрочено в офисе: %Ln</numerusform>
            <numerusform>Просрочено в офисе: %Ln</numerusform>
            <numerusform>Просрочено в офисе: %Ln</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="296"/>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="297"/>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="367"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="298"/>
        <source>This week</source>
        <translation>На этой неделе</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="299"/>
        <source>Later</source>
        <translation>Позже</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/reminders_panel.py" line="321"/>
        <source>… and %Ln more further ahead</source>
        <translation>
            <numerusform>… и ещё %Ln дальше</numerusform>
            <numerusform>… и ещё %Ln дальше</numerusform>
            <numerusform>… и ещё %Ln дальше</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="355"/>
        <source>Birthdays</source>
        <translation>Дни рождения</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="375"/>
        <source>%1 turns %2</source>
        <translation>%1 — исполняется %2</translation>
    </message>
</context>
<context>
    <name>RemindersTab</name>
    <message>
        <location filename="../../salesdesk/ui/card/reminders.py" line="26"/>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/reminders.py" line="26"/>
        <source>Reminder</source>
        <translation>Напоминание</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/reminders.py" line="26"/>
        <source>Repeat</source>
        <translation>Повтор</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/reminders.py" line="26"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/reminders.py" line="29"/>
        <source>Remind me…</source>
        <translation>Напомнить…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/reminders.py" line="31"/>
        <source>Done</source>
        <translation>Завершить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/reminders.py" line="32"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/reminders.py" line="49"/>
        <source>done</source>
        <translation>выполнено</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/reminders.py" line="51"/>
        <source>overdue</source>
        <translation>просрочено</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/reminders.py" line="53"/>
        <source>snoozed</source>
        <translation>отложено</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/reminders.py" line="93"/>
        <source>Get back to the client</source>
        <translation>Связаться с клиентом</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/reminders.py" line="115"/>
        <source>Reminder deleted.</source>
        <translation>Напоминание удалено.</translation>
    </message>
</context>
<context>
    <name>ReportParameterBar</name>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="366"/>
        <source>Last 12 months</source>
        <translation>Последние 12 месяцев</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="367"/>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="368"/>
        <source>Last month</source>
        <translation>Прошлый месяц</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="369"/>
        <source>This quarter</source>
        <translation>Этот квартал</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="370"/>
        <source>Last quarter</source>
        <translation>Прошлый квартал</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="371"/>
        <source>This year</source>
        <translation>Этот год</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="372"/>
        <source>Last year</source>
        <translation>Прошлый год</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="373"/>
        <source>Dates I choose</source>
        <translation>Свои даты</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="384"/>
        <source>by month</source>
        <translation>по месяцам</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="385"/>
        <source>by quarter</source>
        <translation>по кварталам</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="386"/>
        <source>by year</source>
        <translation>по годам</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="391"/>
        <source>date opened</source>
        <translation>дате открытия</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="392"/>
        <source>date closed</source>
        <translation>дате закрытия</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="394"/>
        <source>Sales reports count won deals by the date closed; count by it here to get the same numbers</source>
        <translation>Отчёты о продажах считают выигранные сделки по дате закрытия; выберите её здесь, чтобы числа совпали</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="397"/>
        <location filename="../../salesdesk/ui/reports_panel.py" line="469"/>
        <source>All managers</source>
        <translation>Все менеджеры</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="403"/>
        <source>All sections</source>
        <translation>Все разделы</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="428"/>
        <source>d.</source>
        <comment>days, short</comment>
        <translation>дн.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="434"/>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="436"/>
        <source>Count deals by</source>
        <translation>Сделки считать по</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="437"/>
        <source>Manager:</source>
        <translation>Менеджер:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="438"/>
        <source>Section:</source>
        <translation>Раздел ОКВЭД:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="439"/>
        <source>No contact for more than</source>
        <translation>Без контакта больше</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="440"/>
        <source>Cards filled below</source>
        <translation>Карточки заполнены меньше чем на</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="441"/>
        <source>Interaction in</source>
        <translation>Контакт за</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="442"/>
        <source>Won deal in</source>
        <translation>Сделка за</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/reports_panel.py" line="497"/>
        <source>day(s)</source>
        <translation>
            <numerusform>день</numerusform>
            <numerusform>дня</numerusform>
            <numerusform>дней</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../salesdesk/ui/reports_page.py" line="37"/>
        <source>Find prospects in the tax register…</source>
        <translation>Поиск новых клиентов в реестре МСП…</translation>
    </message>
</context>
<context>
    <name>ReportsPanel</name>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="293"/>
        <source>the first %1 of %2; all are in the table</source>
        <translation>первые %1 из %2, все — в таблице</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="632"/>
        <source>thousands</source>
        <translation>тыс.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="633"/>
        <source>millions</source>
        <translation>млн</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="559"/>
        <source>Export to Excel…</source>
        <translation>Экспорт в Excel…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="561"/>
        <source>Save this report as an Excel workbook with its chart and table</source>
        <translation>Сохранить отчёт в книгу Excel с диаграммой и таблицей</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="563"/>
        <source>Sales plans…</source>
        <translation>Планы продаж…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="565"/>
        <source>Set each manager&apos;s plan by month or quarter</source>
        <translation>Задать план каждого менеджера по месяцам или кварталам</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="716"/>
        <source>Computing…</source>
        <translation>Считаю…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="759"/>
        <source>Nothing to show for these parameters.</source>
        <translation>За выбранный период и с этими условиями данных нет.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="761"/>
        <source>This report is a table only.</source>
        <translation>У этого отчёта только таблица.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="798"/>
        <source>The report could not be computed; details are in the log.</source>
        <translation>Отчёт не удалось построить; подробности — в журнале программы.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="833"/>
        <source>Saving %1…</source>
        <translation>Сохраняю %1…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="844"/>
        <source>Export the report</source>
        <translation>Экспорт отчёта</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="846"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="857"/>
        <source>The report is saved to %1.</source>
        <translation>Отчёт сохранён в %1.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reports_panel.py" line="859"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
</context>
<context>
    <name>RequisitesTab</name>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="87"/>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="91"/>
        <source>&amp;Kind:</source>
        <translation>Ви&amp;д:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="95"/>
        <source>S&amp;tatus:</source>
        <translation>Ст&amp;атус:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="96"/>
        <source>Full le&amp;gal name:</source>
        <translation>Полное наи&amp;менование:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="97"/>
        <source>&amp;INN:</source>
        <translation>&amp;ИНН:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="98"/>
        <source>KPP:</source>
        <translation>КПП:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="99"/>
        <location filename="../../salesdesk/ui/card/requisites.py" line="281"/>
        <source>OGRN:</source>
        <translation>ОГРН:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="100"/>
        <source>Ind&amp;ustry:</source>
        <translation>От&amp;расль:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="107"/>
        <source>&amp;Owner:</source>
        <translation>&amp;Ответственный:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="109"/>
        <source>Open data of the tax service</source>
        <translation>Открытые данные налоговой службы</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="118"/>
        <source>Contact details</source>
        <translation>Контактные данные</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="119"/>
        <source>&amp;Phone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="120"/>
        <source>E-&amp;mail:</source>
        <translation>E-&amp;mail:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="121"/>
        <source>&amp;Legal address:</source>
        <translation>&amp;Юридический адрес:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="122"/>
        <source>Postal address:</source>
        <translation>Почтовый адрес:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="123"/>
        <source>City:</source>
        <translation>Город:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="124"/>
        <source>Bank details</source>
        <translation>Банковские реквизиты</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="125"/>
        <source>Bank:</source>
        <translation>Банк:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="126"/>
        <source>BIK:</source>
        <translation>БИК:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="127"/>
        <source>Account:</source>
        <translation>Расчётный счёт:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="128"/>
        <source>Corr. account:</source>
        <translation>Корр. счёт:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="129"/>
        <source>Other</source>
        <translation>Прочее</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="130"/>
        <source>Source:</source>
        <translation>Источник:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="132"/>
        <source>Comma-separated, e.g. VIP, Wholesale</source>
        <translation>Через запятую, например: VIP, опт</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="133"/>
        <source>Tags:</source>
        <translation>Метки:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="136"/>
        <source>Notes:</source>
        <translation>Заметки:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="138"/>
        <source>10 digits for a company, 12 for a sole trader or a person</source>
        <translation>10 цифр у организации, 12 — у ИП и физлица</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="139"/>
        <source>9 characters, companies only</source>
        <translation>9 символов, только у организаций</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="140"/>
        <source>Any format, e.g. 8 (495) 123-45-67</source>
        <translation>Любой формат: 8 (495) 123-45-67</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="141"/>
        <source>9 digits, starts with 04</source>
        <translation>9 цифр, начинается с 04</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="177"/>
        <source>Not confirmed since %1. Click if it is still right.</source>
        <translation>Не подтверждено с %1. Нажмите, если по-прежнему верно.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="230"/>
        <source>— not set —</source>
        <translation>— не указано —</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="281"/>
        <source>OGRNIP:</source>
        <translation>ОГРНИП:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="299"/>
        <source>%1, as of %2</source>
        <translation>%1, на %2</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="307"/>
        <source>Not in the latest SME register read (%1): it may have grown, closed or stopped reporting.</source>
        <translation>Нет в последнем прочитанном реестре МСП (%1): компания могла вырасти, закрыться или перестать сдавать отчётность.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="314"/>
        <source>SME category: %1</source>
        <translation>Категория МСП: %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="318"/>
        <source>section %1</source>
        <translation>раздел %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="321"/>
        <source>Main activity (OKVED): %1</source>
        <translation>Основной вид деятельности (ОКВЭД): %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="328"/>
        <source>Region: %1</source>
        <translation>Регион: %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="337"/>
        <source>Average headcount: %1</source>
        <translation>Среднесписочная численность: %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="344"/>
        <source>Revenue: %1</source>
        <translation>Выручка: %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card/requisites.py" line="346"/>
        <source>expenses: %1</source>
        <translation>расходы: %1</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="855"/>
        <source>Importing</source>
        <translation>Загрузка</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="862"/>
        <source>Open the file of rows not imported</source>
        <translation>Открыть файл незагруженных строк</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="880"/>
        <source>Writing to the base… You can cancel: nothing is kept until the end.</source>
        <translation>Записываю в базу… Можно отменить: до конца ничего не сохраняется.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="899"/>
        <source>Cancelling…</source>
        <translation>Отменяю…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="910"/>
        <source>Done: %Ln new contact person(s)</source>
        <translation>
            <numerusform>Готово: %Ln новое контактное лицо</numerusform>
            <numerusform>Готово: %Ln новых контактных лица</numerusform>
            <numerusform>Готово: %Ln новых контактных лиц</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="912"/>
        <source>Done: %Ln new client(s)</source>
        <translation>
            <numerusform>Готово: %Ln новый клиент</numerusform>
            <numerusform>Готово: %Ln новых клиента</numerusform>
            <numerusform>Готово: %Ln новых клиентов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="913"/>
        <source>%Ln updated</source>
        <translation>
            <numerusform>%Ln обновлён</numerusform>
            <numerusform>%Ln обновлено</numerusform>
            <numerusform>%Ln обновлено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="914"/>
        <source>%Ln skipped</source>
        <translation>
            <numerusform>%Ln пропущен</numerusform>
            <numerusform>%Ln пропущено</numerusform>
            <numerusform>%Ln пропущено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="915"/>
        <source>%Ln not imported</source>
        <translation>
            <numerusform>%Ln не загружен</numerusform>
            <numerusform>%Ln не загружено</numerusform>
            <numerusform>%Ln не загружено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="921"/>
        <source>Leading zeros restored in %Ln row(s).</source>
        <translation>
            <numerusform>Ведущие нули восстановлены в %Ln строке.</numerusform>
            <numerusform>Ведущие нули восстановлены в %Ln строках.</numerusform>
            <numerusform>Ведущие нули восстановлены в %Ln строках.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="924"/>
        <source>Rows not imported, with the reason for each, are in %1. Fix them there and import that file again.</source>
        <translation>Незагруженные строки с причиной для каждой — в файле %1. Исправьте их там и загрузите этот файл снова.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/import_wizard.py" line="937"/>
        <source>The import stopped because of an internal error; the base was not changed.</source>
        <translation>Загрузка остановлена из-за внутренней ошибки; база не изменилась.</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <location filename="../../salesdesk/ui/roles_dialog.py" line="42"/>
        <location filename="../../salesdesk/ui/roles_dialog.py" line="98"/>
        <source>Roles and rules</source>
        <translation>Роли и правила</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/roles_dialog.py" line="51"/>
        <source>Roles</source>
        <translation>Роли</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/roles_dialog.py" line="63"/>
        <source>No managers yet.</source>
        <translation>Менеджеров пока нет.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/roles_dialog.py" line="64"/>
        <source>Managers who are not heads may</source>
        <translation>Менеджерам, которые не руководители, можно</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/roles_dialog.py" line="66"/>
        <source>export the whole base (otherwise only their own clients)</source>
        <translation>выгружать всю базу (иначе — только своих клиентов)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/roles_dialog.py" line="69"/>
        <source>erase: empty the trash, erase clients and contact persons, erase from backups</source>
        <translation>стирать: очищать корзину, стирать клиентов и контактных лиц, стирать из резервных копий</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/roles_dialog.py" line="90"/>
        <source>This base has no head yet, so nobody is restricted. Make someone a head: from then on only a head changes roles and these rules, and the rules apply to the other managers.</source>
        <translation>В этой базе пока нет руководителя, поэтому никто не ограничен. Назначьте руководителя: после этого роли и эти правила меняет только руководитель, а правила действуют для остальных менеджеров.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/roles_dialog.py" line="94"/>
        <source>Only a head (%1) changes roles and rules.</source>
        <translation>Роли и правила меняет только руководитель (%1).</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/roles_dialog.py" line="95"/>
        <source>A head sees, exports and erases everything. The rules below are for the other managers.</source>
        <translation>Руководитель видит, выгружает и стирает всё. Правила ниже — для остальных менеджеров.</translation>
    </message>
</context>
<context>
    <name>SeatRights</name>
    <message>
        <location filename="../../salesdesk/ui/seat.py" line="37"/>
        <source>Who works at this seat: click to choose another manager</source>
        <translation>Кто работает на этом месте: нажмите, чтобы выбрать другого менеджера</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/seat.py" line="59"/>
        <source>Who are you?</source>
        <translation>Кто вы?</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/seat.py" line="63"/>
        <source>At this seat: %1</source>
        <translation>Рабочее место: %1</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/seat.py" line="73"/>
        <source>Only a head (%1) may erase in this base; a head can allow it in Settings.</source>
        <translation>Стирать в этой базе может только руководитель (%1); разрешить это менеджерам он может в Настройках.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/seat.py" line="78"/>
        <source>Erase for good everything in the trash</source>
        <translation>Безвозвратно удалить всё, что лежит в корзине</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/seat.py" line="79"/>
        <source>Erase a private person or sole trader for good (152-FZ)</source>
        <translation>Безвозвратно удалить данные физического лица или ИП (152-ФЗ)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/seat.py" line="85"/>
        <source>Save clients to Excel or CSV</source>
        <translation>Сохранить клиентов в Excel или CSV</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/seat.py" line="87"/>
        <source>Save your own clients to Excel or CSV (only a head (%1) exports the whole base)</source>
        <translation>Сохранить своих клиентов в Excel или CSV (всю базу выгружает только руководитель — %1)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="51"/>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="165"/>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="219"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="55"/>
        <source>As in the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="59"/>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="60"/>
        <source>The new language applies after a restart.</source>
        <translation>Язык сменится после перезапуска.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="66"/>
        <source>New manager…</source>
        <translation>Новый менеджер…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="69"/>
        <source>I am:</source>
        <translation>Текущий менеджер:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="72"/>
        <source>New clients and reminders are assigned to this manager; the Reminders panel and the start-up notice count this manager&apos;s reminders.</source>
        <translation>Новые клиенты и напоминания назначаются на этого менеджера; панель «Напоминания» и сообщение при запуске считают его напоминания.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="79"/>
        <source>Roles and rules…</source>
        <translation>Роли и правила…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="81"/>
        <source>Who is a head, and whether the other managers may export the whole base or erase</source>
        <translation>Кто руководитель и можно ли остальным менеджерам выгружать всю базу и стирать данные</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="86"/>
        <source>Several seats:</source>
        <translation>Несколько рабочих мест:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="93"/>
        <source>Offer new terms before a contract ends:</source>
        <translation>Предлагать продление договора за:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="96"/>
        <source>do not remind</source>
        <translation>не напоминать</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="101"/>
        <source>A reminder for the client&apos;s manager this many days before a contact person&apos;s birthday, once a year</source>
        <translation>Напоминание менеджеру клиента за столько дней до дня рождения контактного лица, раз в год</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="106"/>
        <source>Remind of birthdays ahead by:</source>
        <translation>Напоминать о днях рождения за:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="109"/>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="114"/>
        <source>Empty the trash of what is older than:</source>
        <translation>Очищать корзину от того, что лежит в ней дольше:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="122"/>
        <source>A requisite, phone or e-mail nobody has confirmed for this long counts half in the card&apos;s completeness and shows under “Needs checking”. The same for every seat of the base.</source>
        <translation>Реквизит, телефон или e-mail, которые никто не подтверждал так долго, считаются в заполненности наполовину и попадают в «Нужно проверить». Одинаково для всех рабочих мест базы.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="128"/>
        <source>Data need checking after:</source>
        <translation>Проверять данные через:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="130"/>
        <source>Show the welcome at the next start</source>
        <translation>Показать приветствие при следующем запуске</translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/settings_dialog.py" line="153"/>
        <source>month(s)</source>
        <translation>
            <numerusform>месяц</numerusform>
            <numerusform>месяца</numerusform>
            <numerusform>месяцев</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/settings_dialog.py" line="158"/>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="162"/>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="169"/>
        <source>day(s)</source>
        <translation>
            <numerusform>день</numerusform>
            <numerusform>дня</numerusform>
            <numerusform>дней</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="187"/>
        <source>— not chosen —</source>
        <translation>— не выбран —</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="198"/>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="204"/>
        <source>New manager</source>
        <translation>Новый менеджер</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="198"/>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <location filename="../../salesdesk/ui/application.py" line="85"/>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="479"/>
        <source>Cannot open the base:
%s</source>
        <translation>Не удаётся открыть базу:
%s</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="456"/>
        <source>Open this computer&apos;s base for now? The next start tries the server again; File → Connect to a server… changes it.</source>
        <translation>Открыть пока базу этого компьютера? При следующем запуске SalesDesk снова попробует сервер; изменить это можно в меню Файл → Подключиться к серверу…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="463"/>
        <source>Open this computer&apos;s base</source>
        <translation>Открыть базу этого компьютера</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/connect_dialog.py" line="465"/>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
</context>
<context>
    <name>UnsavedChanges</name>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="53"/>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="55"/>
        <source>Save the changes to “%s”?</source>
        <translation>Сохранить изменения в карточке «%s»?</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="57"/>
        <source>If you don&apos;t save, your changes will be lost.</source>
        <translation>Если не сохранить, изменения будут потеряны.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="69"/>
        <source>The changes to “%s” cannot be saved yet.</source>
        <translation>Изменения в «%s» пока нельзя сохранить.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="71"/>
        <source>Some fields are marked as wrong. Go back to fix them, or discard the changes.</source>
        <translation>Некоторые поля заполнены с ошибками. Вернитесь и исправьте их или отмените изменения.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="76"/>
        <source>Back to the card</source>
        <translation>Вернуться к карточке</translation>
    </message>
</context>
<context>
    <name>ViewsBar</name>
    <message>
        <location filename="../../salesdesk/ui/views_bar.py" line="61"/>
        <source>Delete view</source>
        <translation>Удалить вид</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/views_bar.py" line="62"/>
        <source>Delete the view “%1”? The clients and deals stay as they are.</source>
        <translation>Удалить вид «%1»? Клиенты и сделки останутся как есть.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/views_bar.py" line="85"/>
        <source>View:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/views_bar.py" line="90"/>
        <source>Choose a saved view…</source>
        <translation>Выберите сохранённый вид…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/views_bar.py" line="91"/>
        <source>Saved views: filters, search, columns, sort and widths under a name</source>
        <translation>Сохранённые виды: фильтры, поиск, столбцы, сортировка и ширина столбцов под своим названием</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/views_bar.py" line="97"/>
        <location filename="../../salesdesk/ui/views_bar.py" line="274"/>
        <source>Views</source>
        <translation>Виды</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/views_bar.py" line="101"/>
        <source>Save view</source>
        <translation>Сохранить вид</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/views_bar.py" line="102"/>
        <source>Save as new view…</source>
        <translation>Сохранить как новый вид…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/views_bar.py" line="104"/>
        <source>Rename view…</source>
        <translation>Переименовать вид…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/views_bar.py" line="105"/>
        <source>Delete view…</source>
        <translation>Удалить вид…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/views_bar.py" line="169"/>
        <source>%1 — damaged</source>
        <translation>%1 — повреждён</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/views_bar.py" line="224"/>
        <location filename="../../salesdesk/ui/views_bar.py" line="231"/>
        <source>• changed</source>
        <translation>• изменён</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/views_bar.py" line="225"/>
        <source>The list no longer shows what the view says: “Save view” keeps it</source>
        <translation>Список уже не такой, как в виде: «Сохранить вид» запомнит изменения</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/views_bar.py" line="239"/>
        <source>Views that come with the program cannot be changed; save your own with “Save as new view…”</source>
        <translation>Виды, которые входят в программу, изменить нельзя; сохраните свой через «Сохранить как новый вид…»</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/views_bar.py" line="260"/>
        <source>Save as new view</source>
        <translation>Сохранить как новый вид</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/views_bar.py" line="261"/>
        <source>Name of the view (for example “Hot leads in Kazan”):</source>
        <translation>Название вида (например, «Горячие лиды в Казани»):</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/views_bar.py" line="282"/>
        <source>Rename view</source>
        <translation>Переименовать вид</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/views_bar.py" line="282"/>
        <source>New name of the view:</source>
        <translation>Новое название вида:</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <location filename="../../salesdesk/ui/welcome.py" line="109"/>
        <source>&amp;Welcome…</source>
        <translation>&amp;Приветствие…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/welcome.py" line="111"/>
        <source>Open the &amp;demo base</source>
        <translation>Открыть &amp;демо-базу</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/welcome.py" line="112"/>
        <source>Demo clients in a separate base; your base is not touched</source>
        <translation>Демонстрационные клиенты в отдельной базе; ваша база не затрагивается</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/welcome.py" line="114"/>
        <source>&amp;Back to my base</source>
        <translation>&amp;Вернуться к моей базе</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/welcome.py" line="116"/>
        <location filename="../../salesdesk/ui/welcome.py" line="177"/>
        <source>Demo base</source>
        <translation>Демо-база</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/welcome.py" line="125"/>
        <source>Explore demo data</source>
        <translation>Посмотреть демо-данные</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/welcome.py" line="178"/>
        <source>Preparing the demo base…</source>
        <translation>Готовим демо-базу…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/welcome.py" line="219"/>
        <source>SalesDesk — Demo base[*]</source>
        <translation>SalesDesk — Демо-база[*]</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/welcome.py" line="226"/>
        <source>Demo base — your data is not affected.</source>
        <translation>Демо-база — ваши данные не затронуты.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/welcome.py" line="228"/>
        <source>Back to my base</source>
        <translation>Вернуться к моей базе</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../salesdesk/ui/welcome.py" line="44"/>
        <source>Welcome to SalesDesk</source>
        <translation>Добро пожаловать в SalesDesk</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/welcome.py" line="48"/>
        <source>&lt;b&gt;Who are you?&lt;/b&gt; Choose yourself or add yourself as a manager: new clients and reminders will be yours, and the Reminders panel will show yours first.</source>
        <translation>&lt;b&gt;Кто вы?&lt;/b&gt; Выберите себя в списке или добавьте себя как менеджера: новые клиенты и напоминания будут ваши, а панель напоминаний покажет прежде всего ваши.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/welcome.py" line="54"/>
        <source>&lt;b&gt;How would you like to begin?&lt;/b&gt; The demo data goes into a separate demo base; your own base is not touched. All of this can be changed later in Settings.</source>
        <translation>&lt;b&gt;С чего начнём?&lt;/b&gt; Демо-данные попадут в отдельную демо-базу; ваша база не затрагивается. Всё это можно изменить позже в настройках.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/welcome.py" line="62"/>
        <source>Import a spreadsheet…</source>
        <translation>Импортировать таблицу…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/welcome.py" line="63"/>
        <source>Start with an empty base</source>
        <translation>Начать с пустой базы</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/welcome.py" line="64"/>
        <source>Explore demo data</source>
        <translation>Посмотреть демо-данные</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/welcome.py" line="76"/>
        <source>Go to my clients (%1)</source>
        <translation>Перейти к моим клиентам (%1)</translation>
    </message>
</context>
<context>
    <name>WhoAreYouDialog</name>
    <message>
        <location filename="../../salesdesk/ui/who_dialog.py" line="38"/>
        <source>Who are you?</source>
        <translation>Кто вы?</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/who_dialog.py" line="42"/>
        <source>Choose yourself: the Reminders panel and the start-up notice will show your reminders, new clients will be yours, and &quot;My clients&quot; in the list shows them. You can change it later in Settings or with the button in the status bar.</source>
        <translation>Выберите себя: панель напоминаний и сообщение при запуске покажут ваши напоминания, новые клиенты будут вашими, а «Мои клиенты» в списке покажут их. Изменить выбор можно позже в Настройках или кнопкой в строке состояния.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/who_dialog.py" line="57"/>
        <source>Not in the list? Add me:</source>
        <translation>Вас нет в списке? Добавьте себя:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/who_dialog.py" line="57"/>
        <source>No managers yet. Add me:</source>
        <translation>Менеджеров пока нет. Добавьте себя:</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/who_dialog.py" line="60"/>
        <source>Surname and first name</source>
        <translation>Фамилия и имя</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/who_dialog.py" line="62"/>
        <source>Not now: everyone&apos;s reminders are shown; the Reminders panel will offer this again.</source>
        <translation>«Не сейчас»: будут показаны напоминания всех менеджеров; панель «Напоминания» предложит выбрать снова.</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/who_dialog.py" line="67"/>
        <source>That&apos;s me</source>
        <translation>Это я</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/who_dialog.py" line="68"/>
        <source>Not now</source>
        <translation>Не сейчас</translation>
    </message>
</context>
<context>
    <name>WindowErasure</name>
    <message>
        <location filename="../../salesdesk/ui/erasure_actions.py" line="221"/>
        <source>&amp;Empty the trash…</source>
        <translation>&amp;Очистить корзину…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/erasure_actions.py" line="222"/>
        <source>Erase for good everything in the trash</source>
        <translation>Безвозвратно удалить всё, что лежит в корзине</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/erasure_actions.py" line="228"/>
        <source>E&amp;rase this client…</source>
        <translation>&amp;Удалить данные клиента навсегда…</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/erasure_actions.py" line="229"/>
        <source>Erase a private person or sole trader for good (152-FZ)</source>
        <translation>Безвозвратно удалить данные физического лица или ИП (152-ФЗ)</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/erasure_actions.py" line="260"/>
        <source>Empty the trash</source>
        <translation>Очистка корзины</translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/erasure_actions.py" line="275"/>
        <source>Open the card of the client to erase first.</source>
        <translation>Сначала откройте карточку клиента, данные которого нужно удалить.</translation>
    </message>
</context>
</TS>
