<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Evidence</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FactsPanel</name>
    <message numerus="yes">
        <source>Facts: %n differ</source>
        <translation>
            <numerusform>Facts: %n differs</numerusform>
            <numerusform>Facts: %n differ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n shown</source>
        <translation>
            <numerusform>, %n shown</numerusform>
            <numerusform>, %n shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemovedLines</name>
    <message numerus="yes">
        <source>Cleaning removed %n line(s) from this article.</source>
        <translation>
            <numerusform>Cleaning removed %n line from this article.</numerusform>
            <numerusform>Cleaning removed %n lines from this article.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message numerus="yes">
        <source>%n fact(s) differ</source>
        <translation>
            <numerusform>%n fact differs</numerusform>
            <numerusform>%n facts differ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s)</source>
        <translation>
            <numerusform>%n passage</numerusform>
            <numerusform>%n passages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n moved</source>
        <translation>
            <numerusform>%n moved</numerusform>
            <numerusform>%n moved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shifted in order</source>
        <translation>
            <numerusform>%n shifted in order</numerusform>
            <numerusform>%n shifted in order</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>passages of %n word(s) or more</source>
        <translation>
            <numerusform>passages of %n word or more</numerusform>
            <numerusform>passages of %n words or more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StoryList</name>
    <message numerus="yes">
        <source>%n stories of two or more reports</source>
        <translation>
            <numerusform>%n story of two or more reports</numerusform>
            <numerusform>%n stories of two or more reports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n report(s)</source>
        <translation>
            <numerusform>%n report</numerusform>
            <numerusform>%n reports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n outlet(s):</source>
        <translation>
            <numerusform>%n outlet:</numerusform>
            <numerusform>%n outlets:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StoryTables</name>
    <message numerus="yes">
        <source>%n report(s):</source>
        <translation>
            <numerusform>%n report:</numerusform>
            <numerusform>%n reports:</numerusform>
        </translation>
    </message>
</context>
</TS>
