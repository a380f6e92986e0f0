<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>ClientCard</name>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="136"/>
        <source>Select a client in the list to see the card,
or create a new one (Ctrl+N).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="182"/>
        <source>Requisites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="183"/>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="184"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="185"/>
        <source>Deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="186"/>
        <source>Reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="189"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="190"/>
        <source>Save the card (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="192"/>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="193"/>
        <source>Drop the changes and show what is saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="204"/>
        <source>&amp;Save client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="207"/>
        <source>&amp;Revert changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="241"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="245"/>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="249"/>
        <source>S&amp;tatus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="250"/>
        <source>&amp;Full legal name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="251"/>
        <source>&amp;INN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="252"/>
        <source>KPP:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="253"/>
        <location filename="../../salesdesk/ui/card.py" line="567"/>
        <source>OGRN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="254"/>
        <source>Ind&amp;ustry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="255"/>
        <source>&amp;Owner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="256"/>
        <source>Contacts of the company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="257"/>
        <source>&amp;Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="258"/>
        <source>&amp;E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="259"/>
        <source>&amp;Legal address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="260"/>
        <source>Postal address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="261"/>
        <source>City:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="262"/>
        <source>Bank details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="263"/>
        <source>Bank:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="264"/>
        <source>BIK:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="265"/>
        <source>Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="266"/>
        <source>Corr. account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="267"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="268"/>
        <source>Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="270"/>
        <source>Comma-separated, e.g. VIP, Wholesale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="271"/>
        <source>Tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="274"/>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="275"/>
        <source>10 digits for a company, 12 for a sole trader or a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="276"/>
        <source>9 characters, companies only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="277"/>
        <source>Any format, e.g. 8 (495) 123-45-67</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="278"/>
        <source>9 digits, starts with 04</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="304"/>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="304"/>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="304"/>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="304"/>
        <source>Phones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="304"/>
        <source>E-mails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="305"/>
        <source>Save the new card first, then add its contact persons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="308"/>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="309"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="310"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="328"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="328"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="328"/>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="328"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="328"/>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="329"/>
        <source>No calls, meetings or letters recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="338"/>
        <source>Deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="338"/>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="338"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="338"/>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="338"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="339"/>
        <source>Contract ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="340"/>
        <source>No deals with this client yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="349"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="349"/>
        <location filename="../../salesdesk/ui/card.py" line="819"/>
        <source>Reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="349"/>
        <source>Repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="349"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="352"/>
        <source>Remind me…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="355"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="356"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="398"/>
        <source>— not set —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="537"/>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="539"/>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="541"/>
        <source>snoozed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="567"/>
        <source>OGRNIP:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="593"/>
        <location filename="../../salesdesk/ui/card.py" line="677"/>
        <source>New client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="596"/>
        <source>No. %d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="602"/>
        <source>Missing: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="604"/>
        <source>The card is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="613"/>
        <source>Fix the marked fields to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="615"/>
        <source>Changed, not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="656"/>
        <source>INN %1 already belongs to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="658"/>
        <source>Phone %1 is already on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="660"/>
        <source>E-mail %1 is already on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="663"/>
        <source>A client with this name exists: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="710"/>
        <location filename="../../salesdesk/ui/card.py" line="715"/>
        <source>Not saved: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="718"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="770"/>
        <source>Remove contact person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="771"/>
        <source>Remove %s from this client&apos;s contacts?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="775"/>
        <source>%s removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="775"/>
        <location filename="../../salesdesk/ui/card.py" line="849"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="816"/>
        <source>Get back to the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="849"/>
        <source>Reminder deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientTable</name>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="57"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="58"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="59"/>
        <source>INN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="60"/>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="61"/>
        <source>Industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="62"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="63"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="64"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="65"/>
        <source>Next reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="66"/>
        <source>Completeness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/client_model.py" line="222"/>
        <source>Missing: %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="193"/>
        <location filename="../../salesdesk/ui/dialogs.py" line="295"/>
        <source>Contact person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="199"/>
        <source>dd.mm.yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="202"/>
        <source>One number per line, e.g. +7 916 123-45-67</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="205"/>
        <source>One address per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="209"/>
        <source>Main contact for this client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="211"/>
        <source>Full name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="212"/>
        <source>Position:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="213"/>
        <source>Birth date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="214"/>
        <source>Phones:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="215"/>
        <source>E-mails:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="216"/>
        <source>Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="267"/>
        <source>Birth date: write it as dd.mm.yyyy, e.g. 25.03.1980</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/dialogs.py" line="274"/>
        <source>Age: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../salesdesk/ui/crash.py" line="22"/>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/crash.py" line="23"/>
        <source>SalesDesk ran into an internal error. What you typed is still in the window; save it if you can.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/crash.py" line="26"/>
        <source>Details are in the log: %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="23"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="31"/>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="34"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="35"/>
        <source>Only clients with an overdue reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="36"/>
        <source>Completeness below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="42"/>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="66"/>
        <source>All industries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/filters.py" line="68"/>
        <source>All owners</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HookDialog</name>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="96"/>
        <source>Next contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="99"/>
        <source>Get back to the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="100"/>
        <source>Reminder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="109"/>
        <source>On a date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="116"/>
        <source>When:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="120"/>
        <source>Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="132"/>
        <source>In a month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="132"/>
        <source>In 3 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="133"/>
        <source>In 6 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="133"/>
        <source>In a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="162"/>
        <source>On a date or repeating…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="76"/>
        <source>Reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="98"/>
        <source>Search: name, INN, phone, e-mail, contact person (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="101"/>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="143"/>
        <source>Create a client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="144"/>
        <source>Load demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="145"/>
        <source>Clear search and filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="172"/>
        <source>&amp;New client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="173"/>
        <source>Create a client card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="174"/>
        <source>Move to &amp;trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="175"/>
        <source>Move the selected clients to the trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="178"/>
        <source>&amp;Restore from trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="179"/>
        <location filename="../../salesdesk/ui/main_window.py" line="595"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="182"/>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="183"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="184"/>
        <source>Show the &amp;trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="186"/>
        <source>Load &amp;demo data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="187"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="189"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="190"/>
        <source>&amp;About SalesDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="191"/>
        <source>Remind me in &amp;3 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="192"/>
        <source>Plan the next contact with this client in three months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="193"/>
        <source>Next client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="194"/>
        <source>Previous client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="200"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="208"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="214"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="216"/>
        <source>&amp;Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="221"/>
        <source>&amp;Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="232"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="240"/>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="365"/>
        <source>in the trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="365"/>
        <source>clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="366"/>
        <source>%1 of %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="369"/>
        <source>average completeness %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="382"/>
        <source>The trash is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="384"/>
        <source>The client base is empty.
Create the first client, or load demo data to try the program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="387"/>
        <source>No clients match the search and filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="413"/>
        <source>Could not load the list: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="514"/>
        <source>Overdue reminders: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="519"/>
        <source>You have %n overdue reminder(s). They are at the top of the Reminders panel.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="521"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="554"/>
        <source>Move to trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="560"/>
        <source>“%s” moved to the trash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="562"/>
        <source>%n client(s) moved to the trash.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="580"/>
        <source>%n client(s) restored.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="586"/>
        <source>&amp;Undo: move to trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="587"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="636"/>
        <source>Reminder: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="638"/>
        <source>%n reminder(s) came due.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="646"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="653"/>
        <location filename="../../salesdesk/ui/main_window.py" line="658"/>
        <source>Demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="654"/>
        <source>How many demo clients to add to this base?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="658"/>
        <source>Adding demo clients…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../salesdesk/ui/main_window.py" line="664"/>
        <source>%n demo client(s) added.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="685"/>
        <source>About SalesDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/main_window.py" line="686"/>
        <source>&lt;h3&gt;SalesDesk %1&lt;/h3&gt;&lt;p&gt;The client base and sales of a small office: clients and their requisites, contact persons, reminders, deals.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../../salesdesk/ui/widgets.py" line="40"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressTask</name>
    <message>
        <location filename="../../salesdesk/ui/progress.py" line="44"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/progress.py" line="65"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemindersPanel</name>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="52"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="52"/>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="52"/>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="183"/>
        <source>Reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="60"/>
        <source>No reminders. Plan the next contact from a client&apos;s card: Reminders → Remind me…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="65"/>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="225"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="66"/>
        <source>Mark the reminder done (a repeating one moves to its next date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="68"/>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="226"/>
        <source>Snooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="72"/>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="227"/>
        <source>Next contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="73"/>
        <source>Mark done and plan the next contact with this client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="76"/>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="224"/>
        <source>Open client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="92"/>
        <source>For an hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="92"/>
        <source>Until tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="93"/>
        <source>Until next week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="115"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="115"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="116"/>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/reminders_panel.py" line="116"/>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="33"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="37"/>
        <source>As in the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="41"/>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="42"/>
        <source>The new language applies after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="48"/>
        <source>Add manager…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="51"/>
        <source>I am:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="52"/>
        <source>New clients and reminders are assigned to this manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="59"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="60"/>
        <source>Offer new terms before a contract ends:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="73"/>
        <source>— not chosen —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="84"/>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="90"/>
        <source>New manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/settings_dialog.py" line="84"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaleEdit</name>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="87"/>
        <source>The card was changed elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="89"/>
        <source>Save mine over it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/card.py" line="90"/>
        <source>Load theirs, drop mine</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <location filename="../../salesdesk/ui/application.py" line="43"/>
        <source>Cannot open the base:
%s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnsavedChanges</name>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="49"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="50"/>
        <source>Save the changes to “%s”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../salesdesk/ui/dialogs.py" line="51"/>
        <source>If you don&apos;t save, your changes will be lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
