"""The sidebar's tabs: 数据 figures, 实体 entities, 笔记 notes, 书签 bookmarks."""
