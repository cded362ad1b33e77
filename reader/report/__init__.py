"""What a comparison says, laid out for people: the summary line, the facts in words, each passage
as one word diff, and the HTML document the CLI writes and the window exports and prints. No Qt."""
