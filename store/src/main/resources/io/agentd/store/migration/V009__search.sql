-- Full-text search (FTS5) over sessions and their conversations. Triggers keep both indexes in step with
-- the rows, so every write (ingest, launch, title, future deletes) updates them in its own transaction.

-- What of a conversation event is searchable: its text, the tool's name, the file path a tool worked on
-- and the tool's result. Malformed tool input is stored as is, so json_valid guards the path.
CREATE VIEW conversation_search_source AS
SELECT id, content AS message, tool_name AS tool,
       CASE WHEN json_valid(tool_input_json)
            THEN coalesce(json_extract(tool_input_json, '$.file_path'), json_extract(tool_input_json, '$.notebook_path'),
                          json_extract(tool_input_json, '$.path')) END AS path,
       tool_result_content AS result
FROM conversation_events;

-- External content: the index keeps no second copy of the text; snippets read it from the view.
-- conversation_events.id is an INTEGER PRIMARY KEY, so VACUUM never renumbers the rowids the index holds.
CREATE VIRTUAL TABLE conversation_search USING fts5(
    message, tool, path, result,
    content = 'conversation_search_source', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER conversation_search_insert AFTER INSERT ON conversation_events BEGIN
    INSERT INTO conversation_search (rowid, message, tool, path, result)
    SELECT id, message, tool, path, result FROM conversation_search_source WHERE id = new.id;
END;

-- An external-content index forgets a row only when told the values it indexed, hence the view again.
CREATE TRIGGER conversation_search_delete BEFORE DELETE ON conversation_events BEGIN
    INSERT INTO conversation_search (conversation_search, rowid, message, tool, path, result)
    SELECT 'delete', id, message, tool, path, result FROM conversation_search_source WHERE id = old.id;
END;

CREATE TRIGGER conversation_search_update_before BEFORE UPDATE OF content, tool_name, tool_input_json, tool_result_content
    ON conversation_events BEGIN
    INSERT INTO conversation_search (conversation_search, rowid, message, tool, path, result)
    SELECT 'delete', id, message, tool, path, result FROM conversation_search_source WHERE id = old.id;
END;

CREATE TRIGGER conversation_search_update_after AFTER UPDATE OF content, tool_name, tool_input_json, tool_result_content
    ON conversation_events BEGIN
    INSERT INTO conversation_search (rowid, message, tool, path, result)
    SELECT id, message, tool, path, result FROM conversation_search_source WHERE id = new.id;
END;

-- Sessions have a TEXT key and VACUUM may renumber their rowids, so this small index keeps its own copy
-- of the three texts, found by session_id.
CREATE VIRTUAL TABLE session_search USING fts5(
    session_id UNINDEXED, title, query, summary,
    tokenize = 'unicode61 remove_diacritics 2');
-- Its rank weighs the columns (session_id, title, query, summary): a title says most about a session.
INSERT INTO session_search (session_search, rank) VALUES ('rank', 'bm25(0.0, 4.0, 2.0, 1.0)');

CREATE TRIGGER session_search_insert AFTER INSERT ON sessions BEGIN
    INSERT INTO session_search (session_id, title, query, summary) VALUES (new.id, new.title, new.query, new.summary);
END;

CREATE TRIGGER session_search_update AFTER UPDATE OF id, title, query, summary ON sessions BEGIN
    DELETE FROM session_search WHERE session_id = old.id;
    INSERT INTO session_search (session_id, title, query, summary) VALUES (new.id, new.title, new.query, new.summary);
END;

CREATE TRIGGER session_search_delete AFTER DELETE ON sessions BEGIN
    DELETE FROM session_search WHERE session_id = old.id;
END;

-- Existing databases: index what is already stored.
INSERT INTO conversation_search (conversation_search) VALUES ('rebuild');
INSERT INTO session_search (session_id, title, query, summary) SELECT id, title, query, summary FROM sessions;
