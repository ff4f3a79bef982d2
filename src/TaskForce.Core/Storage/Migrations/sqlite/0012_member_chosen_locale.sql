-- The language a member chose in the chat (中文 / English) is kept apart from the roster's locale, so a roster
-- import does not undo it; the chat's choice wins over the roster.
ALTER TABLE Members ADD COLUMN ChosenLocale TEXT CHECK (ChosenLocale IN ('zh-CN', 'en-US'));
