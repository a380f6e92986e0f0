<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ClientCard</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/card.py" line="709"/>
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/dialogs.py" line="319"/>
        <source>Age: %n</source>
        <translation>
            <numerusform>Age: %n</numerusform>
            <numerusform>Age: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DealsPanel</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/deals_panel.py" line="347"/>
        <location filename="../../salesdesk/ui/deals_panel.py" line="359"/>
        <source>%Ln deal(s)</source>
        <translation>
            <numerusform>%Ln deal</numerusform>
            <numerusform>%Ln deals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="190"/>
        <source>%1: %n row(s) below the header; %2 column(s) recognised.</source>
        <translation>
            <numerusform>%1: %n row below the header; %2 column(s) recognised.</numerusform>
            <numerusform>%1: %n rows below the header; %2 column(s) recognised.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="468"/>
        <source>%1 of %Ln in the trash</source>
        <translation>
            <numerusform>%1 of %Ln in the trash</numerusform>
            <numerusform>%1 of %Ln in the trash</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="472"/>
        <source>%1 of %Ln client(s)</source>
        <translation>
            <numerusform>%1 of %Ln client</numerusform>
            <numerusform>%1 of %Ln clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="622"/>
        <source>Overdue reminders: %n</source>
        <translation>
            <numerusform>Overdue reminders: %n</numerusform>
            <numerusform>Overdue reminders: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="627"/>
        <source>You have %n overdue reminder(s). They are at the top of the Reminders panel.</source>
        <translation>
            <numerusform>You have %n overdue reminder. It is at the top of the Reminders panel.</numerusform>
            <numerusform>You have %n overdue reminders. They are at the top of the Reminders panel.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="671"/>
        <source>%n client(s) moved to the trash.</source>
        <translation>
            <numerusform>%n client moved to the trash.</numerusform>
            <numerusform>%n clients moved to the trash.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="689"/>
        <source>%n client(s) restored.</source>
        <translation>
            <numerusform>%n client restored.</numerusform>
            <numerusform>%n clients restored.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="747"/>
        <source>%n reminder(s) came due.</source>
        <translation>
            <numerusform>%n reminder came due.</numerusform>
            <numerusform>%n reminders came due.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="773"/>
        <source>%n demo client(s) added.</source>
        <translation>
            <numerusform>%n demo client added.</numerusform>
            <numerusform>%n demo clients added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="843"/>
        <source>%n client(s) exported to %1.</source>
        <translation>
            <numerusform>%n client exported to %1.</numerusform>
            <numerusform>%n clients exported to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="550"/>
        <source>%n new client(s)</source>
        <translation>
            <numerusform>%n new client</numerusform>
            <numerusform>%n new clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="551"/>
        <source>%n update(s)</source>
        <translation>
            <numerusform>%n update</numerusform>
            <numerusform>%n updates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="552"/>
        <source>%n already in the base</source>
        <translation>
            <numerusform>%n already in the base</numerusform>
            <numerusform>%n already in the base</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="553"/>
        <source>%n duplicate(s) skipped</source>
        <translation>
            <numerusform>%n duplicate skipped</numerusform>
            <numerusform>%n duplicates skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="554"/>
        <source>%n row(s) with errors</source>
        <translation>
            <numerusform>%n row with errors</numerusform>
            <numerusform>%n rows with errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="558"/>
        <source>Leading zeros restored in %n row(s).</source>
        <translation>
            <numerusform>Leading zeros restored in %n row.</numerusform>
            <numerusform>Leading zeros restored in %n rows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemindersPanel</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/reminders_panel.py" line="140"/>
        <source>… and %n more further ahead</source>
        <translation>
            <numerusform>… and %n more further ahead</numerusform>
            <numerusform>… and %n more further ahead</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportsPanel</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/reports_panel.py" line="534"/>
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
        <location filename="../../salesdesk/ui/import_wizard.py" line="638"/>
        <source>Done: %n new client(s)</source>
        <translation>
            <numerusform>Done: %n new client</numerusform>
            <numerusform>Done: %n new clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="639"/>
        <source>%n updated</source>
        <translation>
            <numerusform>%n updated</numerusform>
            <numerusform>%n updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="640"/>
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="641"/>
        <source>%n not imported</source>
        <translation>
            <numerusform>%n not imported</numerusform>
            <numerusform>%n not imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/import_wizard.py" line="644"/>
        <source>Leading zeros restored in %n row(s).</source>
        <translation>
            <numerusform>Leading zeros restored in %n row.</numerusform>
            <numerusform>Leading zeros restored in %n rows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/settings_dialog.py" line="77"/>
        <source>day(s)</source>
        <translation>
            <numerusform>day</numerusform>
            <numerusform>days</numerusform>
        </translation>
    </message>
</context>
</TS>
