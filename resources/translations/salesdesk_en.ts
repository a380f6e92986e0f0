<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CalendarGrid</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/calendar_page.py" line="256"/>
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CardHeader</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/card/header.py" line="117"/>
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/card/header.py" line="134"/>
        <source>Not confirmed for %n month(s): </source>
        <translation>
            <numerusform>Not confirmed for %n month: </numerusform>
            <numerusform>Not confirmed for %n months: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/card/header.py" line="145"/>
        <source>Filled in: %1 %; a field not confirmed for %n month(s) counts half</source>
        <translation>
            <numerusform>Filled in: %1 %; a field not confirmed for %n month counts half</numerusform>
            <numerusform>Filled in: %1 %; a field not confirmed for %n months counts half</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClientListActions</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/list_actions.py" line="170"/>
        <location filename="../../salesdesk/ui/list_actions.py" line="314"/>
        <source>%Ln client(s) moved to the trash.</source>
        <translation>
            <numerusform>%Ln client moved to the trash.</numerusform>
            <numerusform>%Ln clients moved to the trash.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/list_actions.py" line="185"/>
        <source>%Ln client(s) restored.</source>
        <translation>
            <numerusform>%Ln client restored.</numerusform>
            <numerusform>%Ln clients restored.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/list_actions.py" line="213"/>
        <source>With selected (%Ln)…</source>
        <translation>
            <numerusform>With selected (%Ln)…</numerusform>
            <numerusform>With selected (%Ln)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/list_actions.py" line="228"/>
        <source>With selected (%Ln):</source>
        <translation>
            <numerusform>With selected (%Ln):</numerusform>
            <numerusform>With selected (%Ln):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/list_actions.py" line="316"/>
        <source>A reminder planned for %Ln client(s).</source>
        <translation>
            <numerusform>A reminder planned for %Ln client.</numerusform>
            <numerusform>A reminder planned for %Ln clients.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/list_actions.py" line="318"/>
        <source>%Ln client(s) changed.</source>
        <translation>
            <numerusform>%Ln client changed.</numerusform>
            <numerusform>%Ln clients changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/list_actions.py" line="325"/>
        <source>&amp;Undo: change of %Ln client(s)</source>
        <translation>
            <numerusform>&amp;Undo: change of %Ln client</numerusform>
            <numerusform>&amp;Undo: change of %Ln clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/list_actions.py" line="341"/>
        <source>%Ln client(s) put back as they were.</source>
        <translation>
            <numerusform>%Ln client put back as it was.</numerusform>
            <numerusform>%Ln clients put back as they were.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClientListPane</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/client_list.py" line="283"/>
        <source>%1 of %Ln in the trash</source>
        <translation>
            <numerusform>%1 of %Ln in the trash</numerusform>
            <numerusform>%1 of %Ln in the trash</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/client_list.py" line="287"/>
        <source>%1 of %Ln client(s)</source>
        <translation>
            <numerusform>%1 of %Ln client</numerusform>
            <numerusform>%1 of %Ln clients</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectActions</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/connect_dialog.py" line="375"/>
        <source>The base has moved to the server: %Ln row(s) copied, every table matches.</source>
        <translation>
            <numerusform>The base has moved to the server: %Ln row copied, every table matches.</numerusform>
            <numerusform>The base has moved to the server: %Ln rows copied, every table matches.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/dialogs.py" line="378"/>
        <source>Age: %n</source>
        <translation>
            <numerusform>Age: %n</numerusform>
            <numerusform>Age: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/card/contacts.py" line="168"/>
        <source>%Ln contact person(s) exported to %1.</source>
        <translation>
            <numerusform>%Ln contact person exported to %1.</numerusform>
            <numerusform>%Ln contact persons exported to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DealsPanel</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/deals_panel.py" line="529"/>
        <location filename="../../salesdesk/ui/deals_panel.py" line="541"/>
        <source>%Ln deal(s)</source>
        <translation>
            <numerusform>%Ln deal</numerusform>
            <numerusform>%Ln deals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/duplicates_dialog.py" line="149"/>
        <source>%n group(s) of likely duplicates, most certain first.</source>
        <translation>
            <numerusform>%n group of likely duplicates, most certain first.</numerusform>
            <numerusform>%n groups of likely duplicates, most certain first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/erasure_actions.py" line="87"/>
        <source>Also erase from the backups: %n copies on this computer will be deleted</source>
        <translation>
            <numerusform>Also erase from the backups: %n copy on this computer will be deleted</numerusform>
            <numerusform>Also erase from the backups: %n copies on this computer will be deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/erasure_actions.py" line="96"/>
        <source>Also erase from the backups (%n copies)</source>
        <translation>
            <numerusform>Also erase from the backups (%n copy)</numerusform>
            <numerusform>Also erase from the backups (%n copies)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/file_actions.py" line="59"/>
        <source>%Ln demo client(s) added.</source>
        <translation>
            <numerusform>%Ln demo client added.</numerusform>
            <numerusform>%Ln demo clients added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/file_actions.py" line="118"/>
        <source>%Ln client(s) keep the industry chosen by hand, which differs from the register.</source>
        <translation>
            <numerusform>%Ln client keeps the industry chosen by hand, which differs from the register.</numerusform>
            <numerusform>%Ln clients keep the industry chosen by hand, which differs from the register.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/file_actions.py" line="129"/>
        <source>%Ln client(s) have newer figures than the file&apos;s: left as they were.</source>
        <translation>
            <numerusform>%Ln client has newer figures than the file&apos;s: left as it was.</numerusform>
            <numerusform>%Ln clients have newer figures than the file&apos;s: left as they were.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/file_actions.py" line="188"/>
        <source>%Ln contact person(s) exported to %1.</source>
        <translation>
            <numerusform>%Ln contact person exported to %1.</numerusform>
            <numerusform>%Ln contact persons exported to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/file_actions.py" line="198"/>
        <source>%Ln client(s) exported to %1.</source>
        <translation>
            <numerusform>%Ln client exported to %1.</numerusform>
            <numerusform>%Ln clients exported to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="339"/>
        <source>%1: %Ln row(s) below the header; %2 column(s) recognised.</source>
        <translation>
            <numerusform>%1: %Ln row below the header; %2 column(s) recognised.</numerusform>
            <numerusform>%1: %Ln rows below the header; %2 column(s) recognised.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="348"/>
        <source>%Ln contact card(s) in the file.</source>
        <translation>
            <numerusform>%Ln contact card in the file.</numerusform>
            <numerusform>%Ln contact cards in the file.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MyMonthPanel</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/my_month.py" line="96"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/my_month.py" line="98"/>
        <source>%n deal(s) in proposal</source>
        <translation>
            <numerusform>%n deal in proposal</numerusform>
            <numerusform>%n deals in proposal</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/my_month.py" line="119"/>
        <source>Forecast: open deals by stage, as far as they can close before the month ends (sales cycle %n day(s))</source>
        <translation>
            <numerusform>Forecast: open deals by stage, as far as they can close before the month ends (sales cycle %n day)</numerusform>
            <numerusform>Forecast: open deals by stage, as far as they can close before the month ends (sales cycle %n days)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="778"/>
        <source>%n row(s) match a client by INN, phone or e-mail, but the name is different. For them:</source>
        <translation>
            <numerusform>%n row matches a client by INN, phone or e-mail, but the name is different. For it:</numerusform>
            <numerusform>%n rows match a client by INN, phone or e-mail, but the name is different. For them:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="815"/>
        <source>%Ln new client(s)</source>
        <translation>
            <numerusform>%Ln new client</numerusform>
            <numerusform>%Ln new clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="815"/>
        <source>%Ln new contact person(s)</source>
        <translation>
            <numerusform>%Ln new contact person</numerusform>
            <numerusform>%Ln new contact persons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="816"/>
        <source>%Ln update(s)</source>
        <translation>
            <numerusform>%Ln update</numerusform>
            <numerusform>%Ln updates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="817"/>
        <source>%Ln already in the base</source>
        <translation>
            <numerusform>%Ln already in the base</numerusform>
            <numerusform>%Ln already in the base</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="818"/>
        <source>%Ln duplicate(s) skipped</source>
        <translation>
            <numerusform>%Ln duplicate skipped</numerusform>
            <numerusform>%Ln duplicates skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="819"/>
        <source>%Ln row(s) with errors</source>
        <translation>
            <numerusform>%Ln row with errors</numerusform>
            <numerusform>%Ln rows with errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="823"/>
        <source>Leading zeros restored in %Ln row(s).</source>
        <translation>
            <numerusform>Leading zeros restored in %Ln row.</numerusform>
            <numerusform>Leading zeros restored in %Ln rows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProspectsDialog</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/prospects_dialog.py" line="184"/>
        <source>%Ln prospect(s) added, each with a first reminder.</source>
        <translation>
            <numerusform>%Ln prospect added, with a first reminder.</numerusform>
            <numerusform>%Ln prospects added, each with a first reminder.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderNotices</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/reminder_notices.py" line="95"/>
        <source>%Ln reminder(s) came due.</source>
        <translation>
            <numerusform>%Ln reminder came due.</numerusform>
            <numerusform>%Ln reminders came due.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemindersPanel</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/reminders_panel.py" line="220"/>
        <source>You have %Ln overdue reminder(s). They are at the top of the Reminders panel.</source>
        <translation>
            <numerusform>You have %Ln overdue reminder. It is at the top of the Reminders panel.</numerusform>
            <numerusform>You have %Ln overdue reminders. They are at the top of the Reminders panel.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/reminders_panel.py" line="222"/>
        <source>There are %Ln overdue reminder(s) in the office. They are at the top of the Reminders panel.</source>
        <translation>
            <numerusform>There is %Ln overdue reminder in the office. It is at the top of the Reminders panel.</numerusform>
            <numerusform>There are %Ln overdue reminders in the office. They are at the top of the Reminders panel.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/reminders_panel.py" line="230"/>
        <source>My overdue reminders: %Ln</source>
        <translation>
            <numerusform>My overdue reminders: %Ln</numerusform>
            <numerusform>My overdue reminders: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/reminders_panel.py" line="231"/>
        <source>Overdue in the office: %Ln</source>
        <translation>
            <numerusform>Overdue in the office: %Ln</numerusform>
            <numerusform>Overdue in the office: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/reminders_panel.py" line="321"/>
        <source>… and %Ln more further ahead</source>
        <translation>
            <numerusform>… and %Ln more further ahead</numerusform>
            <numerusform>… and %Ln more further ahead</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportParameterBar</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/reports_panel.py" line="497"/>
        <source>day(s)</source>
        <translation>
            <numerusform>day</numerusform>
            <numerusform>days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="910"/>
        <source>Done: %Ln new contact person(s)</source>
        <translation>
            <numerusform>Done: %Ln new contact person</numerusform>
            <numerusform>Done: %Ln new contact persons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="912"/>
        <source>Done: %Ln new client(s)</source>
        <translation>
            <numerusform>Done: %Ln new client</numerusform>
            <numerusform>Done: %Ln new clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="913"/>
        <source>%Ln updated</source>
        <translation>
            <numerusform>%Ln updated</numerusform>
            <numerusform>%Ln updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="914"/>
        <source>%Ln skipped</source>
        <translation>
            <numerusform>%Ln skipped</numerusform>
            <numerusform>%Ln skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="915"/>
        <source>%Ln not imported</source>
        <translation>
            <numerusform>%Ln not imported</numerusform>
            <numerusform>%Ln not imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="921"/>
        <source>Leading zeros restored in %Ln row(s).</source>
        <translation>
            <numerusform>Leading zeros restored in %Ln row.</numerusform>
            <numerusform>Leading zeros restored in %Ln rows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/settings_dialog.py" line="153"/>
        <source>month(s)</source>
        <translation>
            <numerusform>month</numerusform>
            <numerusform>months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/settings_dialog.py" line="158"/>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="162"/>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="169"/>
        <source>day(s)</source>
        <translation>
            <numerusform>day</numerusform>
            <numerusform>days</numerusform>
        </translation>
    </message>
</context>
</TS>
