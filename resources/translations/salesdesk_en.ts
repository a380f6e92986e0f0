<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ClientCard</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/card.py" line="639"/>
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
        <location filename="../../salesdesk/ui/dialogs.py" line="287"/>
        <source>Age: %n</source>
        <translation>
            <numerusform>Age: %n</numerusform>
            <numerusform>Age: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="379"/>
        <source>%1 of %Ln in the trash</source>
        <translation>
            <numerusform>%1 of %Ln in the trash</numerusform>
            <numerusform>%1 of %Ln in the trash</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="383"/>
        <source>%1 of %Ln client(s)</source>
        <translation>
            <numerusform>%1 of %Ln client</numerusform>
            <numerusform>%1 of %Ln clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="529"/>
        <source>Overdue reminders: %n</source>
        <translation>
            <numerusform>Overdue reminders: %n</numerusform>
            <numerusform>Overdue reminders: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="534"/>
        <source>You have %n overdue reminder(s). They are at the top of the Reminders panel.</source>
        <translation>
            <numerusform>You have %n overdue reminder. It is at the top of the Reminders panel.</numerusform>
            <numerusform>You have %n overdue reminders. They are at the top of the Reminders panel.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="577"/>
        <source>%n client(s) moved to the trash.</source>
        <translation>
            <numerusform>%n client moved to the trash.</numerusform>
            <numerusform>%n clients moved to the trash.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="595"/>
        <source>%n client(s) restored.</source>
        <translation>
            <numerusform>%n client restored.</numerusform>
            <numerusform>%n clients restored.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="653"/>
        <source>%n reminder(s) came due.</source>
        <translation>
            <numerusform>%n reminder came due.</numerusform>
            <numerusform>%n reminders came due.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="679"/>
        <source>%n demo client(s) added.</source>
        <translation>
            <numerusform>%n demo client added.</numerusform>
            <numerusform>%n demo clients added.</numerusform>
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
